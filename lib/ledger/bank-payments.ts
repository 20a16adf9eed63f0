import { and, eq } from 'drizzle-orm';
import { bankPayments, ledgerEntries, users } from '@/db/schema';
import { formatDateTime } from '@/lib/format';
import type { Currency } from '@/lib/money';
import type { Tx } from '@/db/transaction';
import { LedgerError } from './errors';
import { first } from '@/db/query';

/** The same payment however it is typed: "nip-0001 23" and "NIP000123" name one payment. */
export const bankPaymentKey = (reference: string) => reference.replace(/[\s-]+/g, '').toUpperCase();

type Use = NonNullable<Awaited<ReturnType<typeof findUse>>>;

async function findUse(tx: Tx, currency: Currency, reference: string) {
  return await first(
    tx
      .select({
        agentId: bankPayments.agentId,
        email: users.email,
        source: bankPayments.source,
        fundingRequestId: bankPayments.fundingRequestId,
        claimedAt: bankPayments.claimedAt,
        entryReference: ledgerEntries.reference,
      })
      .from(bankPayments)
      .innerJoin(users, eq(users.id, bankPayments.agentId))
      .innerJoin(ledgerEntries, eq(ledgerEntries.id, bankPayments.ledgerEntryId))
      .where(
        and(
          eq(bankPayments.currency, currency),
          eq(bankPayments.reference, bankPaymentKey(reference)),
        ),
      ),
  );
}

const how = (use: Use) =>
  use.source === 'request' ? `funding request #${use.fundingRequestId}` : 'a direct credit';

function alreadyCredited(use: Use, currency: Currency, reference: string): LedgerError {
  return new LedgerError(
    `This bank payment (${currency} ${bankPaymentKey(reference)}) was already credited to ${use.email} by ${how(use)} on ${formatDateTime(use.claimedAt)}. Nothing was credited.`,
    'IDEMPOTENCY_CONFLICT',
  );
}

/**
 * Refuses a credit for a payment another credit already used, saying where. The same direct credit sent
 * again (same agent, same reference as typed) is left to the ledger's own replay check.
 */
export async function assertPaymentUnused(
  tx: Tx,
  currency: Currency,
  reference: string,
  credit: { agentId: number; direct: boolean },
): Promise<void> {
  const use = await findUse(tx, currency, reference);
  if (!use) return;
  const sameDirectCredit =
    credit.direct &&
    use.source === 'direct' &&
    use.agentId === credit.agentId &&
    use.entryReference === reference.trim();
  if (!sameDirectCredit) throw alreadyCredited(use, currency, reference);
}

/** For an agent naming a payment: refused at once when it was credited, without naming another agent. */
export async function assertPaymentUnusedForAgent(
  tx: Tx,
  currency: Currency,
  reference: string,
  agentId: number,
): Promise<void> {
  const use = await findUse(tx, currency, reference);
  if (!use) return;
  throw new LedgerError(
    use.agentId === agentId
      ? `This bank payment was already credited to your wallet (${how(use)}, ${formatDateTime(use.claimedAt)}).`
      : 'This bank payment was already credited to another account. Contact support if it is yours.',
    'IDEMPOTENCY_CONFLICT',
  );
}

/** Claims the payment in the credit's own transaction; the primary key makes a second claim impossible. */
export async function claimPayment(
  tx: Tx,
  claim: {
    currency: Currency;
    reference: string;
    agentId: number;
    fundingRequestId?: number;
    ledgerEntryId: number;
    now: number;
  },
): Promise<void> {
  await tx.insert(bankPayments).values({
    currency: claim.currency,
    reference: bankPaymentKey(claim.reference),
    agentId: claim.agentId,
    source: claim.fundingRequestId === undefined ? 'direct' : 'request',
    fundingRequestId: claim.fundingRequestId ?? null,
    ledgerEntryId: claim.ledgerEntryId,
    claimedAt: claim.now,
  });
}
