import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { createTestDb, insertUser } from '@/test/world/db';
import { inTransaction } from '@/db/transaction';
import { findWallet, fundingAccount, walletAccount } from './accounts';
import { post } from './post';
import { LedgerError } from './errors';
import { fundWallet } from './funding';
import { allViolations } from './invariants';
import { listAllStatementRows, listStatement } from './statement';
import { execute, rows } from '@/db/query';

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

const admin = { userId: null, label: 'admin@test', ip: '127.0.0.1' };

describe('funding a wallet', () => {
  it('credits once per reference, audits it, and keeps the invariants', async () => {
    const agent = await insertUser(db);
    const input = {
      agentId: agent.id,
      currency: 'NGN' as const,
      amount: 500_000,
      direction: 'credit' as const,
      reference: 'BANK-1',
      reason: 'Cash deposit',
    };
    const first = await fundWallet(db, admin, input);
    const again = await fundWallet(db, admin, input);
    expect(again).toEqual({ entryId: first.entryId, replayed: true });
    expect((await findWallet(db, agent.id, 'NGN'))?.balance).toBe(500_000);
    const audits = await rows<{ n: number }>(
      db,
      sql`select count(*) as n from audit_log where action = 'wallet.credit'`,
    );
    expect(audits[0]?.n).toBe(1);
    expect(await allViolations(db)).toEqual([]);
  });

  it('I7 ties each credit to its own audit row: an unaudited credit is flagged even when the agent has audited ones', async () => {
    const agent = await insertUser(db);
    await fundWallet(db, admin, {
      agentId: agent.id,
      currency: 'NGN',
      amount: 10_000,
      direction: 'credit',
      reference: 'BANK-1',
      reason: 'audited',
    });
    expect(await allViolations(db)).toEqual([]);
    await inTransaction(
      db,
      async (tx) =>
        await post(tx, {
          from: await fundingAccount(tx, 'NGN'),
          to: await walletAccount(tx, agent.id, 'NGN'),
          amount: 5_000,
          kind: 'funding',
          idempotencyKey: 'funding:BANK-2',
          reference: 'BANK-2',
          memo: 'money from nothing',
          now: Date.now(),
        }),
    );
    expect(await allViolations(db)).toEqual([
      expect.stringMatching(/^I7: entry \d+ credits wallet .* as funding/),
    ]);
  });

  it('refuses the same reference for a different amount and writes nothing', async () => {
    const agent = await insertUser(db);
    const base = {
      agentId: agent.id,
      currency: 'NGN' as const,
      direction: 'credit' as const,
      reference: 'BANK-2',
      reason: 'x',
    };
    await fundWallet(db, admin, { ...base, amount: 1000 });
    await expect(fundWallet(db, admin, { ...base, amount: 2000 })).rejects.toThrowError(
      LedgerError,
    );
    expect((await findWallet(db, agent.id, 'NGN'))?.balance).toBe(1000);
  });

  it('never debits a wallet below zero', async () => {
    const agent = await insertUser(db);
    await fundWallet(db, SYSTEM_ACTOR, {
      agentId: agent.id,
      currency: 'NGN',
      amount: 300,
      direction: 'credit',
      reference: 'r1',
      reason: 'x',
    });
    await expect(
      fundWallet(db, SYSTEM_ACTOR, {
        agentId: agent.id,
        currency: 'NGN',
        amount: 301,
        direction: 'debit',
        reference: 'r2',
        reason: 'x',
      }),
    ).rejects.toThrowError(/Your wallet has ₦3.00; this sale needs ₦3.01/);
    expect((await findWallet(db, agent.id, 'NGN'))?.balance).toBe(300);
    expect(await allViolations(db)).toEqual([]);
  });

  it('shows a statement with running balances, newest first', async () => {
    const agent = await insertUser(db);
    const fund = async (reference: string, amount: number, direction: 'credit' | 'debit') =>
      await fundWallet(db, SYSTEM_ACTOR, {
        agentId: agent.id,
        currency: 'NGN',
        amount,
        direction,
        reference,
        reason: reference,
      });
    await fund('a', 1000, 'credit');
    await fund('b', 400, 'debit');
    await fund('c', 50, 'credit');
    const wallet = (await findWallet(db, agent.id, 'NGN'))!;
    const page = await listStatement(db, wallet.id, 1, 2);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.reference, r.debit, r.credit, r.runningBalance])).toEqual([
      ['c', 0, 50, 650],
      ['b', 400, 0, 600],
    ]);
    // The CSV export reads every row, oldest first, with the same running balances.
    expect(
      (await listAllStatementRows(db, wallet.id)).map((r) => [r.reference, r.runningBalance]),
    ).toEqual([
      ['a', 1000],
      ['b', 600],
      ['c', 650],
    ]);
  });
});

describe('append-only ledger', () => {
  it('aborts UPDATE and DELETE on ledger and audit rows', async () => {
    const agent = await insertUser(db);
    await fundWallet(db, admin, {
      agentId: agent.id,
      currency: 'NGN',
      amount: 100,
      direction: 'credit',
      reference: 'x',
      reason: 'x',
    });
    // Straight to the database, past every module: the engine's own triggers must refuse.
    for (const change of [
      'update ledger_entries set amount = 1',
      'delete from ledger_entries',
      "update audit_log set action = 'x'",
      'delete from audit_log',
    ])
      await expect(execute(db, sql.raw(change)).catch(causes)).resolves.toMatch(/append-only/);
  });
});

/** An error's message with its causes' (Drizzle wraps the driver's error): '' when nothing failed. */
function causes(error: unknown): string {
  const messages: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(' ← ');
}
