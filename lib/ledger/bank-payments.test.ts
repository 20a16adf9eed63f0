import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { approveFundingRequest, submitFundingRequest } from '@/lib/funding-requests/commands';
import { createTestDb, insertUser } from '@/test/world/db';
import { findWallet } from './accounts';
import { fundWallet } from './funding';
import { allViolations } from './invariants';
import { first, rows } from '@/db/query';

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

const admin = { userId: null, label: 'admin@test', ip: '127.0.0.1' };
const credit = async (agentId: number, reference: string, amount = 100_000) =>
  await fundWallet(db, admin, {
    agentId,
    currency: 'NGN',
    amount,
    direction: 'credit',
    reference,
    reason: 'bank transfer',
  });
const request = async (agentId: number, bankReference: string, amount = 100_000) =>
  await submitFundingRequest(db, { userId: agentId, label: 'agent', ip: null }, agentId, {
    currency: 'NGN',
    amount,
    bankReference,
  });
const ledgerRows = async () =>
  (await first(rows<{ n: number }>(db, sql`select count(*) as n from ledger_entries`)))?.n;
const balance = async (agentId: number) => (await findWallet(db, agentId, 'NGN'))?.balance ?? 0;

describe('one bank payment credits one wallet once', () => {
  it("refuses an agent's request approval for a payment an admin already credited directly, saying where", async () => {
    const a = await insertUser(db, 'agent', { email: 'ada@test' });
    const b = await insertUser(db, 'agent', { email: 'bola@test' });
    const second = await request(b.id, 'nip 0001'); // sent before the admin credited the same payment directly
    await credit(a.id, 'NIP-0001');
    await expect(approveFundingRequest(db, admin, second.id)).rejects.toThrowError(
      /already credited to ada@test .*direct credit/,
    );
    expect(await balance(b.id)).toBe(0);
    expect(await ledgerRows()).toBe(1);
    expect(await allViolations(db)).toEqual([]);
  });

  it('refuses a direct credit for a payment already credited through an approved request, saying where', async () => {
    const a = await insertUser(db, 'agent', { email: 'ada@test' });
    const b = await insertUser(db, 'agent', { email: 'bola@test' });
    const first = await request(a.id, 'NIP-0002');
    await approveFundingRequest(db, admin, first.id);
    await expect(credit(b.id, 'NIP-0002')).rejects.toThrowError(
      new RegExp(`already credited to ada@test .*funding request #${first.id}`),
    );
    await expect(credit(a.id, 'NIP-0002')).rejects.toThrowError(/already credited/);
    expect(await balance(a.id)).toBe(100_000);
    expect(await balance(b.id)).toBe(0);
  });

  it('refuses the same payment requested by two agents once the first is approved', async () => {
    const a = await insertUser(db, 'agent');
    const b = await insertUser(db, 'agent');
    const first = await request(a.id, 'NIP-0003');
    const second = await request(b.id, 'NIP-0003');
    await approveFundingRequest(db, admin, first.id);
    await expect(approveFundingRequest(db, admin, second.id)).rejects.toThrowError(
      /already credited/,
    );
    expect(await balance(b.id)).toBe(0);
  });

  it('tells an agent at once when the payment they name was already credited, without naming another agent', async () => {
    const a = await insertUser(db, 'agent', { email: 'ada@test' });
    const b = await insertUser(db, 'agent');
    await credit(a.id, 'NIP-0004');
    let message = '';
    try {
      await request(b.id, 'NIP-0004');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/already credited/);
    expect(message).not.toMatch(/ada@test/);
  });

  it('still replays the same direct credit (the same form sent twice) and keeps references of other currencies apart', async () => {
    const a = await insertUser(db, 'agent');
    expect((await credit(a.id, 'NIP-0005')).replayed).toBe(false);
    expect((await credit(a.id, 'NIP-0005')).replayed).toBe(true);
    await fundWallet(db, admin, {
      agentId: a.id,
      currency: 'INR',
      amount: 5_000,
      direction: 'credit',
      reference: 'UTR-0005',
      reason: 'upi',
    });
    expect(await balance(a.id)).toBe(100_000);
    expect(await ledgerRows()).toBe(2);
  });
});
