import { randomUUID } from 'node:crypto';
import { and, asc, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchaseAttempts, requeryJobs } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import type { ProviderDeps } from '@/lib/providers/types';
import { applyProviderResult } from './apply-result';
import { requeryAttempt } from './call';

const LEASE_MS = 60_000;

/**
 * Takes due jobs under a lease in one IMMEDIATE transaction, so two workers (or two processes)
 * never requery the same sale at once; a crashed worker's lease simply expires.
 */
export async function claimDueJobs(db: Db, owner: string, now: number, limit = 20) {
  return await inTransaction(db, async (tx) => {
    const due = (
      await tx
        .select({ attemptId: requeryJobs.attemptId })
        .from(requeryJobs)
        .where(
          and(
            lte(requeryJobs.nextAt, now),
            or(isNull(requeryJobs.leaseUntil), lte(requeryJobs.leaseUntil, now)),
          ),
        )
        .orderBy(asc(requeryJobs.nextAt))
        .limit(limit)
    ).map((j) => j.attemptId);
    if (due.length === 0) return [];
    // The claim re-checks the lease in the same statement: on PostgreSQL (READ COMMITTED) a worker that
    // read the same due rows waits for the winner's row locks, re-evaluates, and claims none of them.
    const claimed = (
      await tx
        .update(requeryJobs)
        .set({ leaseOwner: owner, leaseUntil: now + LEASE_MS })
        .where(
          and(
            inArray(requeryJobs.attemptId, due),
            or(isNull(requeryJobs.leaseUntil), lte(requeryJobs.leaseUntil, now)),
          ),
        )
        .returning({ attemptId: requeryJobs.attemptId })
    ).map((j) => j.attemptId);
    if (claimed.length === 0) return [];
    return await tx.select().from(purchaseAttempts).where(inArray(purchaseAttempts.id, claimed));
  });
}

/** One pass: requery every due attempt (outside any transaction), then apply each answer. */
export async function runRequeryPass(
  db: Db,
  opts: { owner?: string; now?: () => number; provider?: Partial<ProviderDeps> } = {},
): Promise<number> {
  const now = opts.now ?? Date.now;
  const owner = opts.owner ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const attempts = await claimDueJobs(db, owner, now());
  // One sale's trouble never holds up the others; its lease simply expires and it is tried again.
  await Promise.allSettled(
    attempts.map(async (attempt) => {
      const result = await requeryAttempt(db, attempt, opts.provider);
      await applyProviderResult(db, attempt.id, result, { by: 'requery', now: now() });
    }),
  ).then((outcomes) => {
    for (const o of outcomes)
      if (o.status === 'rejected') console.error('[requery] attempt failed', o.reason);
  });
  return attempts.length;
}

/** Runs passes every `intervalMs` until stopped; one pass at a time. */
export function startRequeryWorker(db: Db, intervalMs = 1_000): () => void {
  const owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runRequeryPass(db, { owner })
      .catch((error) => console.error('[requery] pass failed', error))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
