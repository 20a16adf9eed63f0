import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { purchaseAttempts, purchaseResolutions, purchases, requeryJobs } from '@/db/schema';
import { immediate } from '@/db/transaction';
import type { RouteStep } from '@/lib/catalogue/routing';
import type { Tx } from '@/lib/ledger/accounts';
import { countEarnings } from '@/lib/earnings/daily';
import { refund, reverseSettled, settle, type SaleMoney } from '@/lib/ledger/purchase-money';
import type { NewReference } from '@/lib/providers/reference';
import type { ProviderResult } from '@/lib/providers/types';
import { recordEvent } from './events';
import { insertAttempt, type Attempt, type Purchase } from './open';
import { NOT_FOUND_ANSWERS, NOT_FOUND_GRACE_MS, nextRequeryDelay } from './schedule';
import { isFinal } from './status';

export type Writer = 'purchase' | 'requery' | 'callback' | 'admin' | 'check_now';

export interface ApplyOptions {
  by: Writer;
  now: number;
  /** Only the purchase's own call may fail over, and only on a definite "not processed". */
  failover?: { route: RouteStep[]; newReference: NewReference };
}

export interface Applied {
  purchase: Purchase;
  failoverTo?: Attempt;
}

export const saleMoney = (p: Purchase, now: number): SaleMoney => ({
  purchaseId: p.id, agentId: p.agentId, currency: p.currency, agentCostMinor: p.agentCostMinor, now,
});

const p = sql.placeholder;
/** Update values take no placeholder directly in Drizzle's types; wrapped in sql`` they bind the same way. */
const v = (name: string) => sql`${p(name)}`;

const attemptById = prepared((db) => db.select().from(purchaseAttempts).where(eq(purchaseAttempts.id, p('id'))).prepare());
const purchaseById = prepared((db) => db.select().from(purchases).where(eq(purchases.id, p('id'))).prepare());
const resolutionOf = prepared((db) =>
  db.select({ outcome: purchaseResolutions.outcome }).from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, p('purchaseId'))).prepare(),
);
const recordAnswer = prepared((db) =>
  db.update(purchaseAttempts).set({ status: v('status'), providerCode: v('providerCode') }).where(eq(purchaseAttempts.id, p('id'))).prepare(),
);
const setOpenStatus = prepared((db) =>
  db.update(purchases).set({ status: v('status'), updatedAt: v('now') }).where(eq(purchases.id, p('id'))).prepare(),
);
/** A final status stamps final_at; the provider's own references are kept when this answer has none. */
const setFinalStatus = prepared((db) =>
  db.update(purchases)
    .set({
      status: v('status'), updatedAt: v('now'), finalAt: v('now'),
      providerRef: sql`coalesce(${p('providerRef')}, ${purchases.providerRef})`, operatorRef: sql`coalesce(${p('operatorRef')}, ${purchases.operatorRef})`,
    })
    .where(eq(purchases.id, p('id')))
    .prepare(),
);
const deleteJob = prepared((db) => db.delete(requeryJobs).where(eq(requeryJobs.attemptId, p('attemptId'))).prepare());

type ProviderRefs = { providerRef?: string | null; operatorRef?: string | null };

function setStatus(tx: Tx, purchase: Purchase, status: Purchase['status'], now: number, refs: ProviderRefs = {}) {
  if (!isFinal(status)) return setOpenStatus(tx).run({ id: purchase.id, status, now });
  setFinalStatus(tx).run({ id: purchase.id, status, now, providerRef: refs.providerRef ?? null, operatorRef: refs.operatorRef ?? null });
}

const dropJob = (tx: Tx, attemptId: number) => deleteJob(tx).run({ attemptId });

/**
 * Phase 3, one IMMEDIATE transaction: turns one provider answer into at most one resolution,
 * whichever writer (the sale itself, the requery worker, a callback, "check now") gets here first.
 * Ambiguity keeps the money reserved and schedules the next requery; only a definite answer moves it.
 */
export function applyProviderResult(db: Db, attemptId: number, result: ProviderResult, opts: ApplyOptions): Applied {
  return immediate(db, (tx) => {
    const attempt = attemptById(tx).get({ id: attemptId });
    if (!attempt) throw new Error(`No attempt ${attemptId}`);
    const purchase = reload(tx, attempt.purchaseId);
    const { now } = opts;
    recordAnswer(tx).run({ id: attemptId, status: result.status, providerCode: result.providerCode });
    recordEvent(tx, purchase.id, opts.by === 'purchase' ? 'provider_answer' : opts.by === 'callback' ? 'callback' : 'requery', now, {
      attemptId, status: result.status,
      detail: { provider: attempt.provider, code: result.providerCode, message: result.message, duplicate: result.duplicate, exchanges: result.exchanges },
    });
    const resolution = resolutionOf(tx).get({ purchaseId: purchase.id });
    if (resolution) return afterResolution(tx, purchase, attempt, result, resolution.outcome, opts);
    if (attempt.reference !== purchase.reference) {
      // A superseded attempt (we failed over from it after a definite failure) must not move money.
      if (result.status === 'SUCCESS') setStatus(tx, purchase, 'MANUAL_REVIEW', now);
      dropJob(tx, attemptId);
      return { purchase: reload(tx, purchase.id) };
    }
    return decide(tx, purchase, attempt, result, opts);
  });
}

function reload(tx: Tx, id: number): Purchase {
  const purchase = purchaseById(tx).get({ id });
  if (!purchase) throw new Error(`No purchase ${id}`);
  return purchase;
}

function afterResolution(tx: Tx, purchase: Purchase, attempt: Attempt, result: ProviderResult, outcome: string, opts: ApplyOptions): Applied {
  if (result.status === 'REVERSED' && outcome === 'settled' && attempt.reference === purchase.reference) {
    if (reverseSettled(tx, saleMoney(purchase, opts.now), attempt.provider, attempt.providerCostMinor, opts.by)) {
      if (purchase.status === 'SUCCESS') countEarnings(tx, purchase, -1);
      setStatus(tx, purchase, 'REVERSED', opts.now);
      recordEvent(tx, purchase.id, 'reversed', opts.now, { attemptId: attempt.id, status: 'REVERSED' });
    }
  }
  dropJob(tx, attempt.id);
  return { purchase: reload(tx, purchase.id) };
}

function decide(tx: Tx, purchase: Purchase, attempt: Attempt, result: ProviderResult, opts: ApplyOptions): Applied {
  const { now, by } = opts;
  const money = saleMoney(purchase, now);
  switch (result.status) {
    case 'SUCCESS':
      settle(tx, money, attempt.provider, attempt.providerCostMinor, by);
      setStatus(tx, purchase, 'SUCCESS', now, { providerRef: result.providerRef ?? null, operatorRef: result.operatorRef ?? null });
      countEarnings(tx, purchase, 1);
      recordEvent(tx, purchase.id, 'settled', now, { attemptId: attempt.id, status: 'SUCCESS' });
      dropJob(tx, attempt.id);
      break;
    case 'FAILED': {
      dropJob(tx, attempt.id);
      const next = opts.failover && nextStep(opts.failover.route, attempt.provider);
      if (next && opts.failover) {
        const reference = opts.failover.newReference(next.provider);
        tx.update(purchases).set({ provider: next.provider, reference, updatedAt: now }).where(eq(purchases.id, purchase.id)).run();
        const failoverTo = insertAttempt(tx, { ...purchase, reference }, next, reference, now);
        recordEvent(tx, purchase.id, 'failover', now, { attemptId: failoverTo.id, detail: { from: attempt.provider, to: next.provider, reference } });
        return { purchase: reload(tx, purchase.id), failoverTo };
      }
      refund(tx, money, by, `${attempt.provider} ${result.providerCode}`);
      setStatus(tx, purchase, 'FAILED', now);
      recordEvent(tx, purchase.id, 'refunded', now, { attemptId: attempt.id, status: 'FAILED' });
      break;
    }
    case 'REVERSED':
      refund(tx, money, by, `reversed by ${attempt.provider}`);
      setStatus(tx, purchase, 'REVERSED', now);
      recordEvent(tx, purchase.id, 'refunded', now, { attemptId: attempt.id, status: 'REVERSED' });
      dropJob(tx, attempt.id);
      break;
    case 'MANUAL_REVIEW':
      toManualReview(tx, purchase, attempt.id, now, `provider answered ${result.providerCode}`);
      break;
    case 'NOT_FOUND':
      notFound(tx, purchase, attempt, opts);
      break;
    default:
      stillPending(tx, purchase, attempt, result, opts);
  }
  return { purchase: reload(tx, purchase.id) };
}

function nextStep(route: RouteStep[], provider: string): RouteStep | undefined {
  return route[route.findIndex((s) => s.provider === provider) + 1];
}

export function toManualReview(tx: Tx, purchase: Purchase, attemptId: number, now: number, why: string) {
  setStatus(tx, purchase, 'MANUAL_REVIEW', now);
  recordEvent(tx, purchase.id, 'manual_review', now, { attemptId, status: 'MANUAL_REVIEW', detail: { why } });
  dropJob(tx, attemptId);
}

/** Never seen upstream: refund only after the grace period and two such answers in a row. */
function notFound(tx: Tx, purchase: Purchase, attempt: Attempt, opts: ApplyOptions) {
  const job = tx.update(requeryJobs).set({ notFoundCount: sql`${requeryJobs.notFoundCount} + 1` })
    .where(eq(requeryJobs.attemptId, attempt.id)).returning().get();
  const answers = job?.notFoundCount ?? NOT_FOUND_ANSWERS;
  if (answers >= NOT_FOUND_ANSWERS && opts.now - purchase.createdAt >= NOT_FOUND_GRACE_MS) {
    refund(tx, saleMoney(purchase, opts.now), opts.by, `${attempt.provider} never received it`);
    setStatus(tx, purchase, 'FAILED', opts.now);
    recordEvent(tx, purchase.id, 'refunded', opts.now, { attemptId: attempt.id, status: 'FAILED', detail: { notFoundAnswers: answers } });
    dropJob(tx, attempt.id);
    return;
  }
  reschedule(tx, purchase, attempt, opts, 'PENDING');
}

function stillPending(tx: Tx, purchase: Purchase, attempt: Attempt, result: ProviderResult, opts: ApplyOptions) {
  // A pending answer breaks a NOT_FOUND run: the grace rule counts consecutive answers.
  tx.update(requeryJobs).set({ notFoundCount: 0 }).where(eq(requeryJobs.attemptId, attempt.id)).run();
  reschedule(tx, purchase, attempt, opts, result.status === 'UNKNOWN' ? 'UNKNOWN' : 'PENDING');
}

function reschedule(tx: Tx, purchase: Purchase, attempt: Attempt, opts: ApplyOptions, status: 'PENDING' | 'UNKNOWN') {
  const job = tx.select().from(requeryJobs).where(eq(requeryJobs.attemptId, attempt.id)).get();
  const tries = job?.tries ?? 0;
  // The sale's own answer keeps the first slot; every requery or callback uses one.
  const used = opts.by === 'purchase' ? tries : tries + 1;
  const delay = nextRequeryDelay(attempt.provider, used);
  if (delay === null) return toManualReview(tx, purchase, attempt.id, opts.now, 'requery budget spent');
  tx.insert(requeryJobs)
    .values({ attemptId: attempt.id, purchaseId: purchase.id, provider: attempt.provider, nextAt: opts.now + delay, tries: used, createdAt: opts.now })
    .onConflictDoUpdate({ target: requeryJobs.attemptId, set: { nextAt: opts.now + delay, tries: used, leaseOwner: null, leaseUntil: null } })
    .run();
  if (purchase.status !== status) setStatus(tx, purchase, status, opts.now);
}
