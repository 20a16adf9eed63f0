import { and, eq, gte, ne, or, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import { accounts, ledgerEntries } from '@/db/schema';
import type { Account } from './accounts';
import type { Tx } from '@/db/transaction';
import { insufficientFunds, LedgerError } from './errors';
import { first } from '@/db/query';

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

const p = sql.placeholder;

const insertEntry = prepared((db) =>
  db
    .insert(ledgerEntries)
    .values({
      debitAccountId: p('debitAccountId'),
      creditAccountId: p('creditAccountId'),
      amount: p('amount'),
      currency: p('currency'),
      kind: p('kind'),
      idempotencyKey: p('idempotencyKey'),
      purchaseId: p('purchaseId'),
      reference: p('reference'),
      memo: p('memo'),
      createdBy: p('createdBy'),
      createdAt: p('createdAt'),
    })
    .onConflictDoNothing({ target: ledgerEntries.idempotencyKey })
    .returning({ id: ledgerEntries.id }),
);

/** A wallet is debited only while it can pay (I3); other accounts may go negative. */
const debitAccount = prepared((db) =>
  db
    .update(accounts)
    .set({ balance: sql`${accounts.balance} - ${p('amount')}` })
    .where(
      and(
        eq(accounts.id, p('id')),
        or(ne(accounts.kind, 'wallet'), gte(accounts.balance, p('amount'))),
      ),
    ),
);

const creditAccount = prepared((db) =>
  db
    .update(accounts)
    .set({ balance: sql`${accounts.balance} + ${p('amount')}` })
    .where(eq(accounts.id, p('id'))),
);

/**
 * Moves one amount from one account to another. Claims the idempotency key first (unique index,
 * never SELECT-then-INSERT); a replay with the same key and the same movement returns the original,
 * a different movement under the same key is refused. A wallet is debited only while it can pay (I3).
 * Must run inside an IMMEDIATE transaction.
 */
export async function post(tx: Tx, input: PostInput): Promise<PostResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new LedgerError('The amount must be a positive whole number of minor units.', 'INVALID');
  }
  if (input.from.currency !== input.to.currency)
    throw new LedgerError('Currencies differ.', 'INVALID');
  const inserted = await insertEntry(tx).get({
    debitAccountId: input.from.id,
    creditAccountId: input.to.id,
    amount: input.amount,
    currency: input.from.currency,
    kind: input.kind,
    idempotencyKey: input.idempotencyKey,
    purchaseId: input.purchaseId ?? null,
    reference: input.reference ?? null,
    memo: input.memo,
    createdBy: input.createdBy ?? null,
    createdAt: input.now,
  });
  if (!inserted) return await replay(tx, input);

  // The two rows by ascending id, the ledger's lock order (lockAccounts in accounts.ts).
  if (input.to.id < input.from.id) {
    await creditAccount(tx).run({ id: input.to.id, amount: input.amount });
    await debit(tx, input);
  } else {
    await debit(tx, input);
    await creditAccount(tx).run({ id: input.to.id, amount: input.amount });
  }
  return { entryId: inserted.id, replayed: false };
}

/** Throws (and so rolls the transaction back) when a wallet cannot pay. */
async function debit(tx: Tx, input: PostInput): Promise<void> {
  const debited = await debitAccount(tx).run({ id: input.from.id, amount: input.amount });
  if (debited !== 1) {
    const current = await first(tx.select().from(accounts).where(eq(accounts.id, input.from.id)));
    throw insufficientFunds(current?.balance ?? 0, input.amount, input.from.currency);
  }
}

async function replay(tx: Tx, input: PostInput): Promise<PostResult> {
  const existing = await first(
    tx.select().from(ledgerEntries).where(eq(ledgerEntries.idempotencyKey, input.idempotencyKey)),
  );
  const same =
    existing &&
    existing.debitAccountId === input.from.id &&
    existing.creditAccountId === input.to.id &&
    existing.amount === input.amount;
  if (!existing || !same) {
    throw new LedgerError(
      'This reference was already used for a different movement.',
      'IDEMPOTENCY_CONFLICT',
    );
  }
  return { entryId: existing.id, replayed: true };
}
