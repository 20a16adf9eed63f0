import { and, eq, gte, ne, or, sql } from 'drizzle-orm';
import { accounts, ledgerEntries } from '@/db/schema';
import type { Account, Tx } from './accounts';
import { insufficientFunds, LedgerError } from './errors';

type EntryKind = (typeof ledgerEntries.$inferInsert)['kind'];

export interface PostInput {
  from: Account;
  to: Account;
  amount: number;
  kind: EntryKind;
  idempotencyKey: string;
  memo: string;
  purchaseId?: number;
  reference?: string;
  createdBy?: number;
  now: number;
}

export type PostResult = { entryId: number; replayed: boolean };

/**
 * Moves one amount from one account to another. Claims the idempotency key first (unique index,
 * never SELECT-then-INSERT); a replay with the same key and the same movement returns the original,
 * a different movement under the same key is refused. A wallet is debited only while it can pay (I3).
 * Must run inside an IMMEDIATE transaction.
 */
export function post(tx: Tx, input: PostInput): PostResult {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new LedgerError('The amount must be a positive whole number of minor units.', 'INVALID');
  }
  if (input.from.currency !== input.to.currency) throw new LedgerError('Currencies differ.', 'INVALID');
  const inserted = tx
    .insert(ledgerEntries)
    .values({
      debitAccountId: input.from.id,
      creditAccountId: input.to.id,
      amount: input.amount,
      currency: input.from.currency,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      purchaseId: input.purchaseId,
      reference: input.reference,
      memo: input.memo,
      createdBy: input.createdBy,
      createdAt: input.now,
    })
    .onConflictDoNothing({ target: ledgerEntries.idempotencyKey })
    .returning({ id: ledgerEntries.id })
    .get();
  if (!inserted) return replay(tx, input);

  const debited = tx
    .update(accounts)
    .set({ balance: sql`${accounts.balance} - ${input.amount}` })
    .where(
      and(
        eq(accounts.id, input.from.id),
        or(ne(accounts.kind, 'wallet'), gte(accounts.balance, input.amount)),
      ),
    )
    .run();
  if (debited.changes !== 1) {
    const current = tx.select().from(accounts).where(eq(accounts.id, input.from.id)).get();
    throw insufficientFunds(current?.balance ?? 0, input.amount, input.from.currency);
  }
  tx.update(accounts)
    .set({ balance: sql`${accounts.balance} + ${input.amount}` })
    .where(eq(accounts.id, input.to.id))
    .run();
  return { entryId: inserted.id, replayed: false };
}

function replay(tx: Tx, input: PostInput): PostResult {
  const existing = tx
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.idempotencyKey, input.idempotencyKey))
    .get();
  const same =
    existing &&
    existing.debitAccountId === input.from.id &&
    existing.creditAccountId === input.to.id &&
    existing.amount === input.amount;
  if (!existing || !same) {
    throw new LedgerError('This reference was already used for a different movement.', 'IDEMPOTENCY_CONFLICT');
  }
  return { entryId: existing.id, replayed: true };
}
