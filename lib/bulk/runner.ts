import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { bulkBatches, bulkRows, purchases } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { startSale, type StartSaleDeps } from '@/lib/purchases/start-sale';
import { availableMinor, type BulkBatch } from './queries';
import { first, written } from '@/db/query';

const LEASE_MS = 60_000;

export type BulkRow = typeof bulkRows.$inferSelect;

/** Derived, never random: a resumed batch sends the same key for the same row and gets the same sale back. */
export const bulkIdempotencyKey = (batchId: number, rowNumber: number) =>
  `bulk-${batchId}-row-${rowNumber}`;

export interface BulkRunOptions {
  owner?: string;
  now?: () => number;
  sale?: StartSaleDeps;
}

/** Takes one confirmed batch under a lease; a crashed runner's lease expires and another resumes the batch. */
export async function claimBatch(
  db: Db,
  owner: string,
  now: number,
): Promise<BulkBatch | undefined> {
  return await inTransaction(db, async (tx) => {
    const due = await first(
      tx
        .select()
        .from(bulkBatches)
        .where(
          and(
            eq(bulkBatches.status, 'queued'),
            or(isNull(bulkBatches.leaseUntil), lte(bulkBatches.leaseUntil, now)),
          ),
        )
        .orderBy(asc(bulkBatches.confirmedAt))
        .limit(1),
    );
    if (!due) return undefined;
    // Re-checks the lease in the claim itself: another process that read the same batch claims nothing.
    return await first(
      tx
        .update(bulkBatches)
        .set({ leaseOwner: owner, leaseUntil: now + LEASE_MS })
        .where(
          and(
            eq(bulkBatches.id, due.id),
            eq(bulkBatches.status, 'queued'),
            or(isNull(bulkBatches.leaseUntil), lte(bulkBatches.leaseUntil, now)),
          ),
        )
        .returning(),
    );
  });
}

/**
 * Claims the next row while the batch is still ours and not cancelled, renewing the lease. A row left
 * "sending" by a crash comes first: its sale may exist, and its key finds it. No row left: the batch is done.
 */
async function claimRow(
  db: Db,
  batchId: number,
  owner: string,
  now: number,
): Promise<BulkRow | null> {
  return await inTransaction(db, async (tx) => {
    const renewed = await written(
      tx
        .update(bulkBatches)
        .set({ leaseUntil: now + LEASE_MS })
        .where(
          and(
            eq(bulkBatches.id, batchId),
            eq(bulkBatches.status, 'queued'),
            eq(bulkBatches.leaseOwner, owner),
          ),
        ),
    );
    if (renewed !== 1) return null;
    const row = await first(
      tx
        .select()
        .from(bulkRows)
        .where(and(eq(bulkRows.batchId, batchId), inArray(bulkRows.state, ['sending', 'ready'])))
        .orderBy(asc(bulkRows.rowNumber))
        .limit(1),
    );
    if (!row) {
      await tx
        .update(bulkBatches)
        .set({ status: 'done', finishedAt: now, leaseOwner: null, leaseUntil: null })
        .where(eq(bulkBatches.id, batchId));
      return null;
    }
    if (row.state === 'ready')
      await tx.update(bulkRows).set({ state: 'sending' }).where(eq(bulkRows.id, row.id));
    return row;
  });
}

type RowResult = Pick<BulkRow, 'state' | 'message' | 'purchaseId'>;

/** One row through the same sale path as the counter; the wallet's own refusal marks it, never overdraws it. */
async function sellRow(
  db: Db,
  batch: BulkBatch,
  row: BulkRow,
  deps: StartSaleDeps,
): Promise<RowResult> {
  const idempotencyKey = bulkIdempotencyKey(batch.id, row.rowNumber);
  const existing = await first(
    db
      .select({ id: purchases.id })
      .from(purchases)
      .where(
        and(eq(purchases.agentId, batch.agentId), eq(purchases.idempotencyKey, idempotencyKey)),
      ),
  );
  if (existing) return { state: 'sent', message: null, purchaseId: existing.id };
  const result = await startSale(
    db,
    batch.agentId,
    {
      idempotencyKey,
      productId: row.productId!,
      phone: row.phone!,
      network: row.network!,
      amountMinor: row.amountMinor!,
      expectedPriceMinor: row.amountMinor!,
      // The agent confirmed the whole file: the same number twice in it is meant.
      confirmRepeat: true,
    },
    deps,
  );
  if (result.ok) return { state: 'sent', message: null, purchaseId: result.outcome.purchaseId };
  // The sale path's own words are kept; the label says whether the wallet could pay for the row just now.
  const short = (await availableMinor(db, batch.agentId)) < row.agentCostMinor!;
  return {
    state: short ? 'insufficient' : 'refused',
    message: result.refusal.message,
    purchaseId: null,
  };
}

/** Sells the batch's rows one after another until none is left, it is cancelled, or the lease is lost. */
export async function runBatch(
  db: Db,
  batch: BulkBatch,
  owner: string,
  opts: BulkRunOptions = {},
): Promise<number> {
  const now = opts.now ?? Date.now;
  let sold = 0;
  for (
    let row = await claimRow(db, batch.id, owner, now());
    row;
    row = await claimRow(db, batch.id, owner, now())
  ) {
    const result = await sellRow(db, batch, row, { now, ...opts.sale });
    await db.update(bulkRows).set(result).where(eq(bulkRows.id, row.id));
    sold += 1;
  }
  return sold;
}

/** One pass: at most one batch, run to its end. */
export async function runBulkPass(db: Db, opts: BulkRunOptions = {}): Promise<number> {
  const owner = opts.owner ?? `bulk-${process.pid}-${randomUUID().slice(0, 8)}`;
  const batch = await claimBatch(db, owner, (opts.now ?? Date.now)());
  return batch ? await runBatch(db, batch, owner, opts) : 0;
}

/** Runs passes every `intervalMs` until stopped, one at a time, beside the requery worker. */
export function startBulkRunner(db: Db, intervalMs = 1_000): () => void {
  const owner = `bulk-${process.pid}-${randomUUID().slice(0, 8)}`;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runBulkPass(db, { owner })
      .catch((error) => console.error('[bulk] pass failed', error))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
