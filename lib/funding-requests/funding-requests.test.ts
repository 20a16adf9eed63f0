import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { findWallet } from '@/lib/ledger/accounts';
import { Refusal } from '@/lib/errors';
import { allViolations } from '@/lib/ledger/invariants';
import { createTestDb, insertUser } from '@/test/world/db';
import { approveFundingRequest, rejectFundingRequest, submitFundingRequest } from './commands';
import { listAgentFundingRequests } from './queries';
import { first, rows } from '@/db/query';

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(async () => ({ db, file, cleanup } = await createTestDb()));
afterEach(() => cleanup());

const admin = { userId: null, label: 'admin@test', ip: '127.0.0.1' };
const ledgerRows = async () =>
  (await first(rows<{ n: number }>(db, sql`select count(*) as n from ledger_entries`)))?.n;
const audits = async (action: string) =>
  (
    await first(
      rows<{ n: number }>(db, sql`select count(*) as n from audit_log where action = ${action}`),
    )
  )?.n;

async function newRequest(amount = 250_000) {
  const agent = await insertUser(db);
  const request = await submitFundingRequest(
    db,
    { userId: agent.id, label: agent.email, ip: null },
    agent.id,
    { currency: 'NGN', amount, bankReference: `BANK-${agent.id}` },
  );
  return { agent, request };
}

describe('funding requests', () => {
  it('credits exactly once when approved twice, and the second approval says so', async () => {
    const { agent, request } = await newRequest();
    await approveFundingRequest(db, admin, request.id);
    await expect(approveFundingRequest(db, admin, request.id)).rejects.toThrowError(
      /already approved/,
    );
    expect((await findWallet(db, agent.id, 'NGN'))?.balance).toBe(250_000);
    expect(await ledgerRows()).toBe(1);
    expect(await audits('funding.approve')).toBe(1);
    expect(await allViolations(db)).toEqual([]);
  });

  it('credits exactly once when separate processes approve the same request at the same moment', async () => {
    const { agent, request } = await newRequest(777_700);
    const run = promisify(execFile);
    const worker = path.join(__dirname, 'approve-race.worker.ts');
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const startAt = Date.now() + 3_000;
    const outputs = await Promise.all(
      [1, 2, 3].map(() =>
        run(tsx, [worker, file, String(request.id), String(startAt)], { cwd: process.cwd() }).then(
          (r) => JSON.parse(r.stdout) as { ok: boolean },
        ),
      ),
    );
    expect(outputs.filter((o) => o.ok)).toHaveLength(1);
    expect((await findWallet(db, agent.id, 'NGN'))?.balance).toBe(777_700);
    expect(await ledgerRows()).toBe(1);
    expect(await audits('funding.approve')).toBe(1);
    expect(await allViolations(db)).toEqual([]);
  }, 180_000); // three tsx processes start slowly on a loaded machine; nothing here is timed

  it('writes no ledger row when rejected, keeps the reason, and cannot be approved afterwards', async () => {
    const { agent, request } = await newRequest();
    await rejectFundingRequest(db, admin, request.id, 'No such payment on the statement');
    expect(await ledgerRows()).toBe(0);
    await expect(approveFundingRequest(db, admin, request.id)).rejects.toThrowError(
      /already rejected/,
    );
    expect(await ledgerRows()).toBe(0);
    expect((await findWallet(db, agent.id, 'NGN'))?.balance ?? 0).toBe(0);
    const [mine] = await listAgentFundingRequests(db, agent.id);
    expect(mine).toMatchObject({
      status: 'rejected',
      decisionReason: 'No such payment on the statement',
    });
  });

  it('refuses a second request with the same bank reference and shows an agent only their own requests', async () => {
    const { agent, request } = await newRequest();
    const other = await insertUser(db);
    await expect(
      submitFundingRequest(db, admin, agent.id, {
        currency: 'NGN',
        amount: 1,
        bankReference: request.bankReference,
      }),
    ).rejects.toThrowError(Refusal);
    await submitFundingRequest(db, admin, other.id, {
      currency: 'NGN',
      amount: 5,
      bankReference: 'OTHER',
    });
    expect((await listAgentFundingRequests(db, agent.id)).map((r) => r.id)).toEqual([request.id]);
  });
});
