import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { approveFundingRequest, submitFundingRequest } from '@/lib/funding-requests/commands';
import { createTestDb, insertUser } from '@/test/world/db';
import { findWallet } from './accounts';
import { fundWallet } from './funding';
import { allViolations } from './invariants';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

const admin = { userId: null, label: 'admin@test', ip: '127.0.0.1' };
const credit = (agentId: number, reference: string, amount = 100_000) =>
  fundWallet(db, admin, {
    agentId,
    currency: 'NGN',
    amount,
    direction: 'credit',
    reference,
    reason: 'bank transfer',
  });
const request = (agentId: number, bankReference: string, amount = 100_000) =>
  submitFundingRequest(db, { userId: agentId, label: 'agent', ip: null }, agentId, {
    currency: 'NGN',
    amount,
    bankReference,
  });
const ledgerRows = () => db.get<{ n: number }>(sql`select count(*) as n from ledger_entries`)?.n;
const balance = (agentId: number) => findWallet(db, agentId, 'NGN')?.balance ?? 0;

describe('one bank payment credits one wallet once', () => {
  it("refuses an agent's request approval for a payment an admin already credited directly, saying where", () => {
    const a = insertUser(db, 'agent', { email: 'ada@test' });
    const b = insertUser(db, 'agent', { email: 'bola@test' });
    const second = request(b.id, 'nip 0001'); // sent before the admin credited the same payment directly
    credit(a.id, 'NIP-0001');
    expect(() => approveFundingRequest(db, admin, second.id)).toThrowError(
      /already credited to ada@test .*direct credit/,
    );
    expect(balance(b.id)).toBe(0);
    expect(ledgerRows()).toBe(1);
    expect(allViolations(db)).toEqual([]);
  });

  it('refuses a direct credit for a payment already credited through an approved request, saying where', () => {
    const a = insertUser(db, 'agent', { email: 'ada@test' });
    const b = insertUser(db, 'agent', { email: 'bola@test' });
    const first = request(a.id, 'NIP-0002');
    approveFundingRequest(db, admin, first.id);
    expect(() => credit(b.id, 'NIP-0002')).toThrowError(
      new RegExp(`already credited to ada@test .*funding request #${first.id}`),
    );
    expect(() => credit(a.id, 'NIP-0002')).toThrowError(/already credited/);
    expect(balance(a.id)).toBe(100_000);
    expect(balance(b.id)).toBe(0);
  });

  it('refuses the same payment requested by two agents once the first is approved', () => {
    const a = insertUser(db, 'agent');
    const b = insertUser(db, 'agent');
    const first = request(a.id, 'NIP-0003');
    const second = request(b.id, 'NIP-0003');
    approveFundingRequest(db, admin, first.id);
    expect(() => approveFundingRequest(db, admin, second.id)).toThrowError(/already credited/);
    expect(balance(b.id)).toBe(0);
  });

  it('tells an agent at once when the payment they name was already credited, without naming another agent', () => {
    const a = insertUser(db, 'agent', { email: 'ada@test' });
    const b = insertUser(db, 'agent');
    credit(a.id, 'NIP-0004');
    let message = '';
    try {
      request(b.id, 'NIP-0004');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/already credited/);
    expect(message).not.toMatch(/ada@test/);
  });

  it('still replays the same direct credit (the same form sent twice) and keeps references of other currencies apart', () => {
    const a = insertUser(db, 'agent');
    expect(credit(a.id, 'NIP-0005').replayed).toBe(false);
    expect(credit(a.id, 'NIP-0005').replayed).toBe(true);
    fundWallet(db, admin, {
      agentId: a.id,
      currency: 'INR',
      amount: 5_000,
      direction: 'credit',
      reference: 'UTR-0005',
      reason: 'upi',
    });
    expect(balance(a.id)).toBe(100_000);
    expect(ledgerRows()).toBe(2);
  });
});
