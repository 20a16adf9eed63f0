// Funding a wallet, fast (in-memory world): a credit names who made it, tells the agent's webhook
// receivers (type, amount, the reference as trimmed), is audited against the agent, and claims its bank
// payment so no other credit (another agent's, the same payment typed differently) can use it again; a
// debit claims nothing and tells no receiver.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  bankPayments,
  ledgerEntries,
  webhookEndpoints,
  webhookEvents,
} from '@/db/schema';
import { createWorld, type MemoryWorld } from '@/test/world';
import { insertUser } from '@/test/world/db';
import { findWallet } from './accounts';
import { LedgerError } from './errors';
import { fundWallet, type FundingInput } from './funding';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const now = Date.UTC(2026, 11, 2, 10, 0);
let admin: { userId: number; label: string; ip: string };

async function world() {
  w = await T.fork();
  admin = { userId: (await insertUser(w.db, 'admin')).id, label: 'admin@test', ip: '10.0.0.2' };
  // The agent's webhook receiver, subscribed to credits (arranged: the endpoint rules are tested elsewhere).
  await w.db.insert(webhookEndpoints).values({
    agentId: w.agentId,
    url: 'https://agent.example/hooks',
    events: ['wallet.credited'],
    secret: 'whsec_test',
    createdAt: now,
  });
}
const funding = (input: Partial<FundingInput>): FundingInput => ({
  agentId: w.agentId,
  currency: 'NGN',
  amount: 50_000,
  direction: 'credit',
  reference: 'NIP-0001 23',
  reason: 'bank transfer',
  ...input,
});
const fund = async (input: Partial<FundingInput>) =>
  await fundWallet(w.db, admin, funding(input), now);
const wallet = async (agentId = w.agentId) =>
  (await findWallet(w.db, agentId, 'NGN'))?.balance ?? 0;
const paymentsOf = async (agentId: number) =>
  await w.db.select().from(bankPayments).where(eq(bankPayments.agentId, agentId));
const events = async () => await w.db.select().from(webhookEvents);

describe('a credit', () => {
  it('names who made it, tells the receivers, is audited against the agent', async () => {
    await world();
    const { entryId, replayed } = await fund({ reference: ' NIP-0001 23 ' });
    expect(replayed).toBe(false);
    const entry = (await first(
      w.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId)),
    ))!;
    expect(entry).toMatchObject({
      kind: 'funding',
      createdBy: admin.userId,
      reference: 'NIP-0001 23',
    });
    expect(await events()).toHaveLength(1);
    expect((await events())[0]!.type).toBe('wallet.credited');
    expect(JSON.parse((await events())[0]!.payload).data).toEqual({
      currency: 'NGN',
      amount_minor: 50_000,
      reference: 'NIP-0001 23',
    });
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'wallet.credit'), eq(auditLog.targetId, String(w.agentId))));
    expect(audit).toEqual([
      expect.objectContaining({ targetType: 'user', actorUserId: admin.userId, ip: '10.0.0.2' }),
    ]);
    // Sent again: the same entry, nothing more told or audited.
    expect(await fund({ reference: ' NIP-0001 23 ' })).toEqual({ entryId, replayed: true });
    expect(await events()).toHaveLength(1);
    expect(await wallet()).toBe(50_000);
  });

  it('claims its bank payment: another credit of it, however typed, is refused', async () => {
    await world();
    await fund({});
    expect(await paymentsOf(w.agentId)).toContainEqual(
      expect.objectContaining({ reference: 'NIP000123', source: 'direct' }),
    );
    const other = (await insertUser(w.db)).id;
    await expect(fund({ agentId: other, reference: 'nip000123' })).rejects.toThrow(LedgerError);
    // Typed exactly as before, for another agent: still refused, saying where the payment went.
    await expect(fund({ agentId: other, reference: 'NIP-0001 23' })).rejects.toThrow(
      /^This bank payment \(NGN NIP000123\) was already credited to .+ by a direct credit on /,
    );
    await expect(fund({ reference: 'NIP 000-123' })).rejects.toThrow(/already credited/);
    expect([await wallet(), await wallet(other)]).toEqual([50_000, 0]);
  });
});

describe('a debit', () => {
  it('takes from the wallet, claims no bank payment and tells no receiver', async () => {
    await world();
    await fund({ reference: 'CREDIT-1' });
    const { replayed } = await fund({
      direction: 'debit',
      amount: 20_000,
      reference: 'CORRECTION-1',
    });
    expect(replayed).toBe(false);
    expect(await wallet()).toBe(30_000);
    const claimed = (await paymentsOf(w.agentId)).map((p) => p.reference);
    expect(claimed).toContain('CREDIT1');
    expect(claimed).not.toContain('CORRECTION1');
    expect(await events()).toHaveLength(1);
    const entry = (await first(
      w.db.select().from(ledgerEntries).where(eq(ledgerEntries.reference, 'CORRECTION-1')),
    ))!;
    expect(entry).toMatchObject({ kind: 'debit', createdBy: admin.userId, amount: 20_000 });
  });

  it('a correction may name the bank payment it corrects: only credits claim payments', async () => {
    await world();
    await fund({ reference: 'NIP-0001 23' });
    const { replayed } = await fund({
      direction: 'debit',
      amount: 50_000,
      reference: 'nip 0001-23',
    });
    expect(replayed).toBe(false);
    expect(await wallet()).toBe(0);
  });

  it('a blank reference is refused before anything moves', async () => {
    await world();
    await expect(fund({ reference: '   ' })).rejects.toThrow(
      new LedgerError('A funding reference is required.', 'INVALID'),
    );
    expect(await wallet()).toBe(0);
  });
});
