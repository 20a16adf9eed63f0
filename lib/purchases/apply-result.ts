import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import {
  lateDeliveries,
  purchaseAttempts,
  purchaseResolutions,
  purchases,
  requeryJobs,
  type LateDeliveryKind,
} from '@/db/schema';
import { inTransaction, type Tx } from '@/db/transaction';
import { lockRow } from '@/db/dialect';
import type { RouteStep } from '@/lib/catalogue/routing';
import { awaitingToken, keepDelivered } from '@/lib/bills/delivered';
import { countEarnings } from '@/lib/earnings/daily';
import { refund, reverseSettled, settle, type SaleMoney } from '@/lib/ledger/purchase-money';
import type { NewReference } from '@/lib/providers/reference';
import type { ProviderResult } from '@/lib/providers/types';
import {
  recordDeliveredAfterRefundWebhook,
  recordSaleStatusWebhook,
} from '@/lib/webhooks/sale-events';
import { recordEvent } from './events';
import { insertAttempt, type Attempt, type Purchase } from './open';
import { NOT_FOUND_ANSWERS, NOT_FOUND_GRACE_MS, nextRequeryDelay } from './schedule';
import { isFinal } from './status';
import { first, written } from '@/db/query';

export type Writer = 'purchase' | 'requery' | 'callback' | 'admin' | 'check_now';

export interface ApplyOptions {
  by: Writer;
  now: number;
  /** Only the sale's own call (and its confirming requery) may fail over, and only on a definite "not processed". */
  failover?: { route: RouteStep[]; newReference: NewReference };
}

export interface Applied {
  purchase: Purchase;
  failoverTo?: Attempt;
  /** The sale's own call got a "not processed" that may fail over once a requery of it says not found. */
  confirmFailover?: true;
}

export const saleMoney = (p: Purchase, now: number): SaleMoney => ({
  purchaseId: p.id,
  agentId: p.agentId,
  currency: p.currency,
  agentCostMinor: p.agentCostMinor,
  now,
});

const p = sql.placeholder;
/** Update values take no placeholder directly in Drizzle's types; wrapped in sql`` they bind the same way. */
const v = (name: string) => sql`${p(name)}`;

const attemptById = prepared((db) =>
  db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.id, p('id'))),
);
const purchaseById = prepared((db) =>
  db
    .select()
    .from(purchases)
    .where(eq(purchases.id, p('id'))),
);
const resolutionOf = prepared((db) =>
  db
    .select({ outcome: purchaseResolutions.outcome })
    .from(purchaseResolutions)
    .where(eq(purchaseResolutions.purchaseId, p('purchaseId'))),
);
const recordAnswer = prepared((db) =>
  db
    .update(purchaseAttempts)
    .set({ status: v('status'), providerCode: v('providerCode') })
    .where(eq(purchaseAttempts.id, p('id'))),
);
const setOpenStatus = prepared((db) =>
  db
    .update(purchases)
    .set({ status: v('status'), updatedAt: v('now') })
    .where(eq(purchases.id, p('id'))),
);
/** A final status stamps final_at; the provider's own references are kept when this answer has none. */
const setFinalStatus = prepared((db) =>
  db
    .update(purchases)
    .set({
      status: v('status'),
      updatedAt: v('now'),
      finalAt: v('now'),
      providerRef: sql`coalesce(${p('providerRef')}, ${purchases.providerRef})`,
      operatorRef: sql`coalesce(${p('operatorRef')}, ${purchases.operatorRef})`,
    })
    .where(eq(purchases.id, p('id'))),
);
const deleteJob = prepared((db) =>
  db.delete(requeryJobs).where(eq(requeryJobs.attemptId, p('attemptId'))),
);
const setNotFoundCount = prepared((db) =>
  db
    .update(purchaseAttempts)
    .set({ notFoundCount: v('count') })
    .where(eq(purchaseAttempts.id, p('id'))),
);
const setAwaiting = prepared((db) =>
  db
    .update(purchaseAttempts)
    .set({ awaiting: v('awaiting') })
    .where(eq(purchaseAttempts.id, p('id'))),
);

type ProviderRefs = { providerRef?: string | null; operatorRef?: string | null };

async function setStatus(
  tx: Tx,
  purchase: Purchase,
  status: Purchase['status'],
  now: number,
  refs: ProviderRefs = {},
) {
  await recordSaleStatusWebhook(tx, purchase, status, now);
  if (!isFinal(status)) return await setOpenStatus(tx).run({ id: purchase.id, status, now });
  await setFinalStatus(tx).run({
    id: purchase.id,
    status,
    now,
    providerRef: refs.providerRef ?? null,
    operatorRef: refs.operatorRef ?? null,
  });
}

const dropJob = async (tx: Tx, attemptId: number) => await deleteJob(tx).run({ attemptId });

/** A callback or "check now" is a hint: it may resolve a sale, never move its requery schedule or spend its budget. */
const isHint = (by: Writer) => by === 'callback' || by === 'check_now';

/**
 * Phase 3, one IMMEDIATE transaction: turns one provider answer into at most one resolution,
 * whichever writer (the sale itself, the requery worker, a callback, "check now") gets here first.
 * Ambiguity keeps the money reserved and schedules the next requery; only a definite answer moves it.
 * A delivery reported after the sale was resolved the other way is flagged for an admin, never ignored.
 */
export async function applyProviderResult(
  db: Db,
  attemptId: number,
  result: ProviderResult,
  opts: ApplyOptions,
): Promise<Applied> {
  return await inTransaction(db, async (tx) => {
    // Two writers resolving one sale run one after the other, on PostgreSQL as on SQLite.
    await lockRow(tx, purchases, saleOfAttempt(attemptId));
    const found = await attemptById(tx).get({ id: attemptId });
    if (!found) throw new Error(`No attempt ${attemptId}`);
    const purchase = await reload(tx, found.purchaseId);
    const { now } = opts;
    await recordAnswer(tx).run({
      id: attemptId,
      status: result.status,
      providerCode: result.providerCode,
    });
    await recordEvent(
      tx,
      purchase.id,
      opts.by === 'purchase' ? 'provider_answer' : opts.by === 'callback' ? 'callback' : 'requery',
      now,
      {
        attemptId,
        status: result.status,
        detail: {
          provider: found.provider,
          code: result.providerCode,
          message: result.message,
          duplicate: result.duplicate,
          needsConfirmation: result.needsConfirmation,
          exchanges: result.exchanges,
        },
      },
    );
    // A token is kept from whichever answer first carries it, and never erased (lib/bills/delivered.ts).
    if (found.reference === purchase.reference || result.status === 'SUCCESS')
      if (await keepDelivered(tx, purchase.id, result.delivered, now))
        await recordEvent(tx, purchase.id, 'token_delivered', now, {
          attemptId,
          detail: { provider: found.provider, by: opts.by },
        });
    const attempt = { ...found, notFoundCount: await countNotFound(tx, found, result, now) };
    const resolution = (await resolutionOf(tx).get({ purchaseId: purchase.id }))?.outcome;
    // Superseded first: its "delivered" must be heard even when the sale is resolved (double delivery).
    if (attempt.reference !== purchase.reference)
      return await superseded(tx, purchase, attempt, result, resolution, opts);
    if (resolution) return await afterResolution(tx, purchase, attempt, result, resolution, opts);
    return await decide(tx, purchase, attempt, result, opts);
  });
}

const saleOfAttempt = (attemptId: number) =>
  sql`(select ${purchaseAttempts.purchaseId} from ${purchaseAttempts} where ${purchaseAttempts.id} = ${attemptId})`;

async function reload(tx: Tx, id: number): Promise<Purchase> {
  const purchase = await purchaseById(tx).get({ id });
  if (!purchase) throw new Error(`No purchase ${id}`);
  return purchase;
}

/**
 * NOT_FOUND answers after the grace period, in a row, per attempt and whoever asked. An answer
 * inside the grace period proves nothing either way; a provider that knows the reference breaks the run.
 */
async function countNotFound(
  tx: Tx,
  attempt: Attempt,
  result: ProviderResult,
  now: number,
): Promise<number> {
  let count = attempt.notFoundCount;
  if (result.status === 'NOT_FOUND') {
    if (now - attempt.createdAt >= NOT_FOUND_GRACE_MS) count += 1;
  } else if (result.status !== 'UNKNOWN') {
    count = 0;
  }
  if (count !== attempt.notFoundCount) await setNotFoundCount(tx).run({ id: attempt.id, count });
  return count;
}

async function flagLateDelivery(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  kind: LateDeliveryKind,
  result: ProviderResult,
  opts: ApplyOptions,
) {
  const flagged = await written(
    tx
      .insert(lateDeliveries)
      .values({
        purchaseId: purchase.id,
        attemptId: attempt.id,
        kind,
        detectedBy: opts.by,
        detectedAt: opts.now,
      })
      .onConflictDoNothing(),
  );
  if (flagged === 1) {
    await recordEvent(tx, purchase.id, kind, opts.now, {
      attemptId: attempt.id,
      status: 'SUCCESS',
      detail: { provider: attempt.provider, code: result.providerCode },
    });
    if (kind === 'delivered_after_refund')
      await recordDeliveredAfterRefundWebhook(tx, purchase, opts.now);
  }
}

/**
 * An attempt we moved away from. Its "delivered" is real money spent upstream: if the sale is still
 * open, the sale follows the delivery that happened (settles on this attempt, and the other attempt
 * becomes the superseded one); if it was settled through another provider, it was delivered twice;
 * if it was refunded, it was delivered after the refund.
 */
async function superseded(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  result: ProviderResult,
  resolution: string | undefined,
  opts: ApplyOptions,
): Promise<Applied> {
  if (result.status === 'SUCCESS') {
    if (resolution === 'settled')
      await flagLateDelivery(tx, purchase, attempt, 'delivered_twice', result, opts);
    else if (resolution === 'refunded')
      await flagLateDelivery(tx, purchase, attempt, 'delivered_after_refund', result, opts);
    else {
      await tx
        .update(purchases)
        .set({ provider: attempt.provider, reference: attempt.reference, updatedAt: opts.now })
        .where(eq(purchases.id, purchase.id));
      await recordEvent(tx, purchase.id, 'adopted', opts.now, {
        attemptId: attempt.id,
        detail: { from: purchase.provider, to: attempt.provider, reference: attempt.reference },
      });
      return await decide(tx, await reload(tx, purchase.id), attempt, result, opts);
    }
  }
  // While its answer is still open, keep asking on its schedule: a late "delivered" from it must be heard.
  if (!isAmbiguous(result)) await dropJob(tx, attempt.id);
  else if (
    !isHint(opts.by) &&
    (await jobOf(tx, attempt.id)) &&
    (await nextSlot(tx, attempt, opts)) === null
  )
    await dropJob(tx, attempt.id);
  return { purchase: await reload(tx, purchase.id) };
}

async function afterResolution(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  result: ProviderResult,
  outcome: string,
  opts: ApplyOptions,
): Promise<Applied> {
  if (result.status === 'REVERSED' && outcome === 'settled') {
    if (
      await reverseSettled(
        tx,
        saleMoney(purchase, opts.now),
        attempt.provider,
        attempt.providerCostMinor,
        opts.by,
      )
    ) {
      if (purchase.status === 'SUCCESS') await countEarnings(tx, purchase, -1);
      await setStatus(tx, purchase, 'REVERSED', opts.now);
      await recordEvent(tx, purchase.id, 'reversed', opts.now, {
        attemptId: attempt.id,
        status: 'REVERSED',
      });
    }
  } else if (
    result.status === 'SUCCESS' &&
    (outcome === 'refunded' || purchase.status === 'REVERSED')
  ) {
    // The agent has the money back and the customer has the value: an admin decides who pays.
    await flagLateDelivery(tx, purchase, attempt, 'delivered_after_refund', result, opts);
  }
  if (outcome === 'settled' && result.status !== 'REVERSED')
    await followToken(tx, purchase.id, attempt, opts);
  else await dropJob(tx, attempt.id);
  return { purchase: await reload(tx, purchase.id) };
}

/**
 * A settled bill whose token has not come keeps its requery going until one answer carries it. Money
 * is safe: once settled, an answer only reaches afterResolution, where nothing but a reversal moves
 * money. A spent budget leaves the sale delivered and says so in its timeline for an admin.
 */
async function followToken(tx: Tx, purchaseId: number, attempt: Attempt, opts: ApplyOptions) {
  const purchase = await reload(tx, purchaseId);
  if (!awaitingToken(purchase)) return await dropJob(tx, attempt.id);
  if (isHint(opts.by)) return; // the schedule keeps asking; a hint never moves it
  if ((await nextSlot(tx, attempt, opts)) !== null) return;
  await recordEvent(tx, purchaseId, 'token_not_arrived', opts.now, {
    attemptId: attempt.id,
    status: 'SUCCESS',
    detail: { why: 'requery budget spent without a token' },
  });
  await dropJob(tx, attempt.id);
}

async function decide(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  result: ProviderResult,
  opts: ApplyOptions,
): Promise<Applied> {
  const { now, by } = opts;
  const money = saleMoney(purchase, now);
  switch (result.status) {
    case 'SUCCESS':
      await settle(tx, money, attempt.provider, attempt.providerCostMinor, by);
      await setStatus(tx, purchase, 'SUCCESS', now, {
        providerRef: result.providerRef ?? null,
        operatorRef: result.operatorRef ?? null,
      });
      await countEarnings(tx, purchase, 1);
      await recordEvent(tx, purchase.id, 'settled', now, {
        attemptId: attempt.id,
        status: 'SUCCESS',
      });
      await followToken(tx, purchase.id, attempt, opts);
      break;
    case 'FAILED':
      if (result.needsConfirmation)
        return await awaitConfirmation(tx, purchase, attempt, 'refund', opts);
      await refundFailed(tx, purchase, attempt, `${attempt.provider} ${result.providerCode}`, opts);
      break;
    case 'NOT_PROCESSED':
      if (result.needsConfirmation)
        return await awaitConfirmation(tx, purchase, attempt, 'failover', opts);
      return await failoverOrRefund(
        tx,
        purchase,
        attempt,
        `${attempt.provider} ${result.providerCode}: not processed`,
        opts,
      );
    case 'REVERSED':
      await refund(tx, money, by, `reversed by ${attempt.provider}`);
      await setStatus(tx, purchase, 'REVERSED', now);
      await recordEvent(tx, purchase.id, 'refunded', now, {
        attemptId: attempt.id,
        status: 'REVERSED',
      });
      await dropJob(tx, attempt.id);
      break;
    case 'MANUAL_REVIEW':
      await toManualReview(
        tx,
        purchase,
        attempt.id,
        now,
        `provider answered ${result.providerCode}`,
      );
      break;
    case 'NOT_FOUND':
      return await notFound(tx, purchase, attempt, result, opts);
    default:
      await stillPending(tx, purchase, attempt, result, opts);
  }
  return { purchase: await reload(tx, purchase.id) };
}

async function refundFailed(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  reason: string,
  opts: ApplyOptions,
  detail?: unknown,
) {
  await refund(tx, saleMoney(purchase, opts.now), opts.by, reason);
  await setStatus(tx, purchase, 'FAILED', opts.now);
  await recordEvent(tx, purchase.id, 'refunded', opts.now, {
    attemptId: attempt.id,
    status: 'FAILED',
    detail,
  });
  await dropJob(tx, attempt.id);
}

/** Provably nothing happened at this provider: the next one in the route may take it, else the agent is refunded. */
async function failoverOrRefund(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  reason: string,
  opts: ApplyOptions,
): Promise<Applied> {
  await dropJob(tx, attempt.id);
  const next = opts.failover && nextStep(opts.failover.route, attempt.provider);
  if (next && opts.failover) {
    const reference = opts.failover.newReference(next.provider);
    await tx
      .update(purchases)
      .set({ provider: next.provider, reference, updatedAt: opts.now })
      .where(eq(purchases.id, purchase.id));
    const failoverTo = await insertAttempt(
      tx,
      { ...purchase, reference },
      next,
      reference,
      opts.now,
    );
    await recordEvent(tx, purchase.id, 'failover', opts.now, {
      attemptId: failoverTo.id,
      detail: { from: attempt.provider, to: next.provider, reference },
    });
    return { purchase: await reload(tx, purchase.id), failoverTo };
  }
  await refundFailed(tx, purchase, attempt, reason, opts);
  return { purchase: await reload(tx, purchase.id) };
}

/**
 * A definite "no" whose provider document asks for a confirming requery first: the money stays
 * reserved and a requery is scheduled; its answer (failed or not found) does what this one could not.
 */
async function awaitConfirmation(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  awaiting: 'refund' | 'failover',
  opts: ApplyOptions,
): Promise<Applied> {
  await setAwaiting(tx).run({ id: attempt.id, awaiting });
  await recordEvent(tx, purchase.id, 'awaiting_confirmation', opts.now, {
    attemptId: attempt.id,
    status: 'PENDING',
    detail: { then: awaiting },
  });
  const pending = { ...attempt, awaiting };
  if (isHint(opts.by) || purchase.status === 'MANUAL_REVIEW')
    return { purchase: await reload(tx, purchase.id) };
  await reschedule(tx, purchase, pending, opts, 'PENDING');
  return {
    purchase: await reload(tx, purchase.id),
    confirmFailover: awaiting === 'failover' && opts.by === 'purchase' ? true : undefined,
  };
}

function nextStep(route: RouteStep[], provider: string): RouteStep | undefined {
  return route[route.findIndex((s) => s.provider === provider) + 1];
}

export async function toManualReview(
  tx: Tx,
  purchase: Purchase,
  attemptId: number,
  now: number,
  why: string,
) {
  await setStatus(tx, purchase, 'MANUAL_REVIEW', now);
  await recordEvent(tx, purchase.id, 'manual_review', now, {
    attemptId,
    status: 'MANUAL_REVIEW',
    detail: { why },
  });
  await dropJob(tx, attemptId);
}

/**
 * Never seen upstream. After a definite "no" that waited for this confirmation, one answer is the
 * confirmation. Otherwise it refunds only after two such answers, both after the grace period.
 */
async function notFound(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  result: ProviderResult,
  opts: ApplyOptions,
): Promise<Applied> {
  if (attempt.awaiting === 'failover')
    return await failoverOrRefund(
      tx,
      purchase,
      attempt,
      `${attempt.provider} confirmed it never processed it`,
      opts,
    );
  if (attempt.awaiting === 'refund') {
    await refundFailed(
      tx,
      purchase,
      attempt,
      `${attempt.provider} failed it and has no record of it`,
      opts,
    );
    return { purchase: await reload(tx, purchase.id) };
  }
  if (attempt.notFoundCount >= NOT_FOUND_ANSWERS) {
    await refundFailed(tx, purchase, attempt, `${attempt.provider} never received it`, opts, {
      notFoundAnswers: attempt.notFoundCount,
    });
    return { purchase: await reload(tx, purchase.id) };
  }
  await stillPending(tx, purchase, attempt, result, opts);
  return { purchase: await reload(tx, purchase.id) };
}

const isAmbiguous = (r: ProviderResult) =>
  r.status === 'PENDING' || r.status === 'UNKNOWN' || r.status === 'NOT_FOUND';

async function stillPending(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  result: ProviderResult,
  opts: ApplyOptions,
) {
  // A sale an admin must look at stays with the admin.
  if (purchase.status === 'MANUAL_REVIEW') return;
  const status = result.status === 'UNKNOWN' ? 'UNKNOWN' : 'PENDING';
  // A hint may tell us the provider has an answer, but it leaves the schedule and its budget alone.
  if (isHint(opts.by)) {
    if (purchase.status !== status) await setStatus(tx, purchase, status, opts.now);
    return;
  }
  await reschedule(tx, purchase, attempt, opts, status, result);
}

const jobOf = async (tx: Tx, attemptId: number) =>
  await first(tx.select().from(requeryJobs).where(eq(requeryJobs.attemptId, attemptId)));

/** Books the attempt's next requery; null (and nothing booked) when its budget is spent. */
async function nextSlot(tx: Tx, attempt: Attempt, opts: ApplyOptions): Promise<number | null> {
  const tries = (await jobOf(tx, attempt.id))?.tries ?? 0;
  // The sale's own answer keeps the first slot; every requery uses one.
  const used = opts.by === 'purchase' ? tries : tries + 1;
  const delay = nextRequeryDelay(attempt.provider, used);
  if (delay === null) return null;
  await tx
    .insert(requeryJobs)
    .values({
      attemptId: attempt.id,
      purchaseId: attempt.purchaseId,
      provider: attempt.provider,
      nextAt: opts.now + delay,
      tries: used,
      createdAt: opts.now,
    })
    .onConflictDoUpdate({
      target: requeryJobs.attemptId,
      set: { nextAt: opts.now + delay, tries: used, leaseOwner: null, leaseUntil: null },
    });
  return delay;
}

async function reschedule(
  tx: Tx,
  purchase: Purchase,
  attempt: Attempt,
  opts: ApplyOptions,
  status: 'PENDING' | 'UNKNOWN',
  last?: ProviderResult,
) {
  if ((await nextSlot(tx, attempt, opts)) === null) {
    const lastAnswer = last
      ? `; last answer ${attempt.provider} ${last.providerCode}${last.message ? `: ${last.message}` : ''}`
      : '';
    return await toManualReview(
      tx,
      purchase,
      attempt.id,
      opts.now,
      `requery budget spent${lastAnswer}`,
    );
  }
  if (purchase.status !== status) await setStatus(tx, purchase, status, opts.now);
}
