// One bank payment credits one wallet once, fast (in-memory world): however the reference is typed, whoever
// credits it (an admin directly or an approved request), in its own currency; a refusal says where the
// payment went (to an admin) or only that it was used (to another agent), and writes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approveFundingRequest, submitFundingRequest } from '@/lib/funding-requests/commands';
import { insertUser } from '@/test/world/db';
import { createWorld, type MemoryWorld } from '@/test/world';
import { findWallet } from './accounts';
import { bankPaymentKey } from './bank-payments';
import { fundWallet } from './funding';
import { allViolations } from './invariants';
import { first, rows } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const admin = { userId: null, label: 'admin@test', ip: '127.0.0.1' };
const NOW = Date.UTC(2026, 4, 1, 9, 30);
let n = 0;
const agent = async (email = `agent${++n}@test`) => (await insertUser(w.db, 'agent', { email })).id;
const credit = async (
  agentId: number,
  reference: string,
  amount = 100_000,
  currency: 'NGN' | 'INR' = 'NGN',
) =>
  await fundWallet(
    w.db,
    admin,
    { agentId, currency, amount, direction: 'credit', reference, reason: 'bank transfer' },
    NOW,
  );
const request = async (agentId: number, bankReference: string, amount = 100_000) =>
  await submitFundingRequest(
    w.db,
    { userId: agentId, label: 'agent', ip: null },
    agentId,
    { currency: 'NGN', amount, bankReference },
    NOW,
  );
const balance = async (agentId: number, currency: 'NGN' | 'INR' = 'NGN') =>
  (await findWallet(w.db, agentId, currency))?.balance ?? 0;
const entries = async () =>
  (await first(rows<{ n: number }>(w.db, sql`select count(*) as n from ledger_entries`)))!.n;
const refusal = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (error) {
    return (error as Error).message;
  }
  return 'not refused';
};

describe('a bank payment is named the same however it is typed', () => {
  it('ignores spaces, dashes and case', () => {
    expect(bankPaymentKey('nip-0001 23')).toBe('NIP000123');
    expect(bankPaymentKey(' Nip 0001-23 ')).toBe('NIP000123');
    expect(bankPaymentKey('UTR--99  x')).toBe('UTR99X');
  });
});

describe('one bank payment credits one wallet once', () => {
  it('a direct credit, then the same payment typed differently for another agent: refused, saying where', async () => {
    w = await T.fork();
    const ada = await agent('ada@test');
    const bola = await agent('bola@test');
    await credit(ada, 'NIP-0001');
    const before = await entries();
    const message = await refusal(async () => await credit(bola, 'nip 0001'));
    expect(message).toMatch(
      /^This bank payment \(NGN NIP0001\) was already credited to ada@test by a direct credit on .+\. Nothing was credited\.$/,
    );
    expect(await balance(bola)).toBe(0);
    expect(await entries()).toBe(before);
    // The same agent with the payment typed another way is a second credit, not the same form replayed.
    expect(await refusal(async () => await credit(ada, 'nip0001'))).toMatch(
      /already credited to ada@test by a direct credit/,
    );
    expect(await balance(ada)).toBe(100_000);
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('the same direct credit sent again is a replay: one entry, one credit', async () => {
    w = await T.fork();
    const ada = await agent();
    expect((await credit(ada, 'NIP-0005')).replayed).toBe(false);
    expect((await credit(ada, ' NIP-0005 ')).replayed).toBe(true);
    expect(await balance(ada)).toBe(100_000);
  });

  it('an approved request claims the payment: a direct credit of it is refused, naming the request', async () => {
    w = await T.fork();
    const ada = await agent('ada@test');
    const bola = await agent();
    const first = await request(ada, 'NIP-0002');
    await approveFundingRequest(w.db, admin, first.id, NOW);
    expect(await refusal(async () => await credit(bola, 'NIP-0002'))).toMatch(
      new RegExp(`already credited to ada@test by funding request #${first.id} on `),
    );
    expect(await refusal(async () => await credit(ada, 'NIP-0002'))).toMatch(/already credited/);
    expect([await balance(ada), await balance(bola)]).toEqual([100_000, 0]);
  });

  it('a request approved after a direct credit of its payment is refused; two requests for one payment credit once', async () => {
    w = await T.fork();
    const ada = await agent('ada@test');
    const bola = await agent();
    const late = await request(bola, 'nip 0003');
    await credit(ada, 'NIP-0003');
    expect(
      await refusal(async () => await approveFundingRequest(w.db, admin, late.id, NOW)),
    ).toMatch(/already credited to ada@test by a direct credit/);
    const c1 = await request(ada, 'NIP-0004');
    const c2 = await request(bola, 'NIP-0004');
    await approveFundingRequest(w.db, admin, c1.id, NOW);
    expect(await refusal(async () => await approveFundingRequest(w.db, admin, c2.id, NOW))).toMatch(
      /already credited/,
    );
    expect(await balance(bola)).toBe(0);
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('tells an agent naming a used payment whether it went to their own wallet, never naming another agent', async () => {
    w = await T.fork();
    const ada = await agent('ada@test');
    const bola = await agent();
    await credit(ada, 'NIP-0006');
    expect(await refusal(async () => await request(ada, 'nip-0006'))).toMatch(
      /^This bank payment was already credited to your wallet \(a direct credit, .+\)\.$/,
    );
    const other = await refusal(async () => await request(bola, 'NIP-0006'));
    expect(other).toBe(
      'This bank payment was already credited to another account. Contact support if it is yours.',
    );
    const viaRequest = await request(bola, 'NIP-0007');
    await approveFundingRequest(w.db, admin, viaRequest.id, NOW);
    expect(await refusal(async () => await request(bola, 'NIP-0007'))).toMatch(
      new RegExp(`credited to your wallet \\(funding request #${viaRequest.id}, `),
    );
  });

  it("keeps each currency's payments apart", async () => {
    w = await T.fork();
    const ada = await agent();
    await credit(ada, 'REF-0008');
    // Typed another way, so only the bank payment (not the ledger's own key) is the same.
    expect((await credit(ada, 'REF 0008', 5_000, 'INR')).replayed).toBe(false);
    expect([await balance(ada), await balance(ada, 'INR')]).toEqual([100_000, 5_000]);
  });

  it('a debit claims no payment', async () => {
    w = await T.fork();
    const ada = await agent();
    await credit(ada, 'REF-0009');
    await fundWallet(
      w.db,
      admin,
      {
        agentId: ada,
        currency: 'NGN',
        amount: 1_000,
        direction: 'debit',
        reference: 'REF-0010',
        reason: 'fix',
      },
      NOW,
    );
    expect((await credit(ada, 'REF 0010')).replayed).toBe(false);
    expect(await balance(ada)).toBe(199_000);
  });
});
