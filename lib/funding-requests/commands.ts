import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { fundingRequests, users } from '@/db/schema';
import { inTransaction, type Tx } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import {
  assertPaymentUnused,
  assertPaymentUnusedForAgent,
  claimPayment,
} from '@/lib/ledger/bank-payments';
import { Refusal } from '@/lib/errors';
import { post } from '@/lib/ledger/post';
import type { Currency } from '@/lib/money';
import { collectDebt, lockForCredit } from '@/lib/ledger/late-delivery-money';
import { first } from '@/db/query';

export type FundingRequest = typeof fundingRequests.$inferSelect;

export interface NewFundingRequest {
  currency: Currency;
  amount: number;
  bankReference: string;
  note?: string;
}

/** An agent asks for money they paid in; nothing moves until an admin approves. */
export async function submitFundingRequest(
  db: Db,
  actor: Actor,
  agentId: number,
  input: NewFundingRequest,
  now = Date.now(),
): Promise<FundingRequest> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new Refusal('Enter an amount above zero.', 'amount');
  const bankReference = input.bankReference.trim();
  if (!bankReference)
    throw new Refusal('Enter the bank reference of your payment.', 'bankReference');
  return await inTransaction(db, async (tx) => {
    await assertPaymentUnusedForAgent(tx, input.currency, bankReference, agentId);
    const created = await first(
      tx
        .insert(fundingRequests)
        .values({
          agentId,
          currency: input.currency,
          amount: input.amount,
          bankReference,
          note: input.note?.trim() || null,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning(),
    );
    if (!created)
      throw new Refusal('You already sent a request with this bank reference.', 'bankReference');
    await recordAudit(
      tx,
      actor,
      {
        action: 'funding.request',
        targetType: 'user',
        targetId: agentId,
        detail: {
          requestId: created.id,
          amount: input.amount,
          currency: input.currency,
          bankReference,
        },
      },
      now,
    );
    return created;
  });
}

export type Decision = { request: FundingRequest; entryId?: number };

/**
 * Approval in ONE immediate transaction: the request leaves 'pending' only once (conditional update),
 * the credit is keyed by the request (a second post is a no-op even if the guard were bypassed), and
 * the 'funding.approve' audit row is what I7 accepts as the source of a wallet credit.
 */
export async function approveFundingRequest(
  db: Db,
  actor: Actor,
  requestId: number,
  now = Date.now(),
): Promise<Decision> {
  return await inTransaction(db, async (tx) => {
    const request = await first(
      tx
        .update(fundingRequests)
        .set({ status: 'approved', decidedBy: actor.userId, decidedAt: now })
        .where(and(eq(fundingRequests.id, requestId), eq(fundingRequests.status, 'pending')))
        .returning(),
    );
    if (!request) throw await alreadyDecided(tx, requestId);
    const agent = await first(
      tx.select({ role: users.role }).from(users).where(eq(users.id, request.agentId)),
    );
    if (agent?.role !== 'agent') throw new Refusal('This request does not belong to an agent.');
    await assertPaymentUnused(tx, request.currency, request.bankReference, {
      agentId: request.agentId,
      direct: false,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'funding.approve',
        targetType: 'user',
        targetId: request.agentId,
        detail: {
          requestId,
          amount: request.amount,
          currency: request.currency,
          bankReference: request.bankReference,
        },
      },
      now,
    );
    const { source, wallet } = await lockForCredit(tx, request.agentId, request.currency);
    const result = await post(tx, {
      from: source,
      to: wallet,
      amount: request.amount,
      kind: 'funding',
      idempotencyKey: `funding-request:${request.id}`,
      reference: request.bankReference,
      memo: `Funding request #${request.id} approved`,
      createdBy: actor.userId ?? undefined,
      now,
    });
    await claimPayment(tx, {
      currency: request.currency,
      reference: request.bankReference,
      agentId: request.agentId,
      fundingRequestId: request.id,
      ledgerEntryId: result.entryId,
      now,
    });
    await collectDebt(tx, request.agentId, request.currency, `funding-request:${request.id}`, now);
    return { request, entryId: result.entryId };
  });
}

/** A rejection moves no money; the reason is shown to the agent. */
export async function rejectFundingRequest(
  db: Db,
  actor: Actor,
  requestId: number,
  reason: string,
  now = Date.now(),
): Promise<Decision> {
  const why = reason.trim();
  if (!why) throw new Refusal('Give a reason the agent can read.', 'reason');
  return await inTransaction(db, async (tx) => {
    const request = await first(
      tx
        .update(fundingRequests)
        .set({ status: 'rejected', decidedBy: actor.userId, decidedAt: now, decisionReason: why })
        .where(and(eq(fundingRequests.id, requestId), eq(fundingRequests.status, 'pending')))
        .returning(),
    );
    if (!request) throw await alreadyDecided(tx, requestId);
    await recordAudit(
      tx,
      actor,
      {
        action: 'funding.reject',
        targetType: 'user',
        targetId: request.agentId,
        detail: { requestId, amount: request.amount, currency: request.currency, reason: why },
      },
      now,
    );
    return { request };
  });
}

async function alreadyDecided(tx: Tx, requestId: number): Promise<Refusal> {
  const existing = await first(
    tx
      .select({ status: fundingRequests.status })
      .from(fundingRequests)
      .where(eq(fundingRequests.id, requestId)),
  );
  if (!existing) return new Refusal('No such funding request.');
  return new Refusal(`This request was already ${existing.status}; nothing changed.`);
}
