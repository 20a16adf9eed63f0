// The ledger's refusals carry a code the API and the sale's result read (INVALID, IDEMPOTENCY_CONFLICT),
// not just words: fast (in-memory world), one refusal of each kind, each leaving the ledger as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { createWorld, type MemoryWorld } from '@/test/world';
import { insertUser } from '@/test/world/db';
import { fundingAccount, walletAccount } from './accounts';
import { assertPaymentUnused, assertPaymentUnusedForAgent } from './bank-payments';
import { LedgerError } from './errors';
import { fundWallet } from './funding';
import { post } from './post';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const now = Date.UTC(2026, 11, 2, 10, 0);
/** The code of the ledger's refusal (the test fails if nothing, or something else, is thrown). */
async function codeOf(f: () => Promise<unknown>): Promise<LedgerError['code']> {
  try {
    await f();
  } catch (error) {
    if (error instanceof LedgerError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}
const entries = async () => (await w.db.select().from(ledgerEntries)).length;
const move = async (amount: number, currency: 'NGN' | 'INR' = 'NGN', key = `codes-${amount}`) =>
  await inTransaction(
    w.db,
    async (tx) =>
      await post(tx, {
        from: await fundingAccount(tx, 'NGN'),
        to: await walletAccount(tx, w.agentId, currency),
        amount,
        kind: 'funding',
        idempotencyKey: key,
        memo: 'test',
        now,
      }),
  );

describe('the ledger refuses with a code', () => {
  it('INVALID: an amount that is not a positive whole number, or two currencies', async () => {
    w = await T.fork();
    const before = await entries();
    for (const amount of [0, -100, 1.5, Number.MAX_SAFE_INTEGER + 1])
      expect(await codeOf(async () => await move(amount))).toBe('INVALID');
    expect(await codeOf(async () => await move(100, 'INR'))).toBe('INVALID');
    expect(await entries()).toBe(before);
  });

  it('IDEMPOTENCY_CONFLICT: a key already used for another movement', async () => {
    w = await T.fork();
    await move(100, 'NGN', 'codes-key');
    expect((await move(100, 'NGN', 'codes-key')).replayed).toBe(true);
    expect(await codeOf(async () => await move(200, 'NGN', 'codes-key'))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
  });

  it('IDEMPOTENCY_CONFLICT: a bank payment another credit used, for the admin and for the agent', async () => {
    w = await T.fork();
    const other = (await insertUser(w.db)).id;
    await fundWallet(
      w.db,
      SYSTEM_ACTOR,
      {
        agentId: w.agentId,
        currency: 'NGN',
        amount: 5_000,
        direction: 'credit',
        reference: 'NIP-77',
        reason: 'bank transfer',
      },
      now,
    );
    await inTransaction(w.db, async (tx) => {
      expect(
        await codeOf(
          async () =>
            await assertPaymentUnused(tx, 'NGN', 'nip 77', { agentId: other, direct: true }),
        ),
      ).toBe('IDEMPOTENCY_CONFLICT');
      expect(
        await codeOf(async () => await assertPaymentUnusedForAgent(tx, 'NGN', 'NIP77', other)),
      ).toBe('IDEMPOTENCY_CONFLICT');
      expect(
        await codeOf(async () => await assertPaymentUnusedForAgent(tx, 'NGN', 'NIP77', w.agentId)),
      ).toBe('IDEMPOTENCY_CONFLICT');
      // Another currency's payment of the same name is another payment.
      await expect(assertPaymentUnusedForAgent(tx, 'INR', 'NIP77', other)).resolves.toBeUndefined();
    });
  });
});
