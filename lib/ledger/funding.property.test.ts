import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { createTestDb, insertUser } from '@/test/world/db';
import { findWallet } from './accounts';
import { LedgerError } from './errors';
import { fundWallet } from './funding';
import { checkInvariants } from './invariants';

const movement = fc.record({
  agent: fc.integer({ min: 0, max: 2 }),
  currency: fc.constantFrom('NGN' as const, 'INR' as const),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  direction: fc.constantFrom('credit' as const, 'debit' as const),
  // A small pool of references so replays (same reference again) happen often.
  reference: fc.integer({ min: 0, max: 15 }),
});

describe('funding, as random sequences', () => {
  it('keeps I1 (sums to zero), I2 (balance = ledger), I3 (no overdraft) and I7 (each credit audited), credits a reference once, and refuses exactly what it should', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(movement, { minLength: 1, maxLength: 30 }), async (moves) => {
        const { db, cleanup } = await createTestDb();
        try {
          const agents = [await insertUser(db), await insertUser(db), await insertUser(db)];
          const expected = new Map<string, number>();
          const used = new Map<string, string>();
          for (const m of moves) {
            const agentId = agents[m.agent]!.id;
            const key = `${agentId}:${m.currency}`;
            const reference = `ref-${m.reference}`;
            const signature = `${key}:${m.amount}:${m.direction}`;
            const balance = expected.get(key) ?? 0;
            // The model's answer, from the rules: a reference moves money once (the same movement again is a
            // replay, another movement under it is refused); a debit never takes a wallet below zero.
            const want = used.has(reference)
              ? used.get(reference) === signature
                ? 'replay'
                : 'IDEMPOTENCY_CONFLICT'
              : m.direction === 'debit' && m.amount > balance
                ? 'INSUFFICIENT_FUNDS'
                : 'posted';
            let got: string;
            try {
              got = (
                await fundWallet(db, SYSTEM_ACTOR, {
                  agentId,
                  currency: m.currency,
                  amount: m.amount,
                  direction: m.direction,
                  reference,
                  reason: 'property',
                })
              ).replayed
                ? 'replay'
                : 'posted';
            } catch (error) {
              if (!(error instanceof LedgerError)) throw error;
              got = error.code;
            }
            expect(got).toBe(want);
            if (got === 'posted') {
              used.set(reference, signature);
              expected.set(key, balance + (m.direction === 'credit' ? m.amount : -m.amount));
            }
            for (const inv of (await checkInvariants(db)).filter((r) =>
              ['I1', 'I2', 'I3', 'I7'].includes(r.id),
            ))
              expect(inv.violations).toEqual([]);
          }
          for (const [key, balance] of expected) {
            const [agentId, currency] = key.split(':');
            expect((await findWallet(db, Number(agentId), currency as 'NGN'))?.balance ?? 0).toBe(
              balance,
            );
            expect(balance).toBeGreaterThanOrEqual(0);
          }
        } finally {
          await cleanup();
        }
      }),
      { numRuns: 60 },
    );
    // 60 fresh databases with up to 30 movements each: on PostgreSQL (a database copied per run) about
    // 30 s on a busy 2-core machine, past the suite's 30 s default.
  }, 120_000);
});
