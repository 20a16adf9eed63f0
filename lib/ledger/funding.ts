import type { Db } from '@/db';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import type { Currency } from '@/lib/money';
import { recordWebhookEvent } from '@/lib/webhooks/outbox';
import { assertPaymentUnused, claimPayment } from './bank-payments';
import { LedgerError } from './errors';
import { collectDebt, lockForCredit } from './late-delivery-money';
import { post, type PostResult } from './post';

export interface FundingInput {
  agentId: number;
  currency: Currency;
  amount: number;
  direction: 'credit' | 'debit';
  reference: string;
  reason: string;
}

/**
 * Credits or debits a wallet from the funding source: one IMMEDIATE transaction, idempotent by its
 * reference (a repeat returns the first entry and writes nothing), audited in the same transaction.
 * A credit claims its bank payment, so no other credit (direct or by request) can use it again.
 */
export async function fundWallet(
  db: Db,
  actor: Actor,
  input: FundingInput,
  now = Date.now(),
): Promise<PostResult> {
  if (!input.reference.trim()) throw new LedgerError('A funding reference is required.', 'INVALID');
  return await inTransaction(db, async (tx) => {
    const { source, wallet } = await lockForCredit(tx, input.agentId, input.currency);
    const credit = input.direction === 'credit';
    if (credit)
      await assertPaymentUnused(tx, input.currency, input.reference, {
        agentId: input.agentId,
        direct: true,
      });
    const result = await post(tx, {
      from: credit ? source : wallet,
      to: credit ? wallet : source,
      amount: input.amount,
      kind: credit ? 'funding' : 'debit',
      idempotencyKey: `funding:${input.reference.trim()}`,
      reference: input.reference.trim(),
      memo: input.reason,
      createdBy: actor.userId ?? undefined,
      now,
    });
    // An open debt (a late delivery recovered beyond what the wallet held) is paid from this credit first.
    if (credit && !result.replayed)
      await collectDebt(
        tx,
        input.agentId,
        input.currency,
        `funding:${input.reference.trim()}`,
        now,
      );
    if (!result.replayed) {
      if (credit)
        await claimPayment(tx, {
          currency: input.currency,
          reference: input.reference,
          agentId: input.agentId,
          ledgerEntryId: result.entryId,
          now,
        });
      if (credit)
        await recordWebhookEvent(
          tx,
          input.agentId,
          'wallet.credited',
          {
            currency: input.currency,
            amount_minor: input.amount,
            reference: input.reference.trim(),
          },
          now,
        );
      await recordAudit(
        tx,
        actor,
        {
          action: credit ? 'wallet.credit' : 'wallet.debit',
          targetType: 'user',
          targetId: input.agentId,
          detail: {
            amount: input.amount,
            currency: input.currency,
            reference: input.reference,
            reason: input.reason,
          },
        },
        now,
      );
    }
    return result;
  });
}
