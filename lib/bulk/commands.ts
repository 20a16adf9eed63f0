import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { bulkBatches, bulkRows } from '@/db/schema';
import { immediate } from '@/db/transaction';
import { Refusal } from '@/lib/errors';
import { checkContext, checkRow } from './check-row';
import { parseBulkCsv } from './csv';

export type CreateBatchResult = { ok: true; batchId: number } | { ok: false; refusal: Refusal };

/** Checks every row of the upload and stores the preview; nothing is sold until the agent confirms. */
export function createBatch(
  db: Db,
  agentId: number,
  fileName: string,
  text: string,
  now = Date.now(),
): CreateBatchResult {
  const parsed = parseBulkCsv(text);
  if (!parsed.ok) return parsed;
  const ctx = checkContext(db, agentId);
  const checked = parsed.rows.map((row) => checkRow(ctx, row));
  const totalCostMinor = checked.reduce((sum, r) => sum + (r.ok ? r.agentCostMinor : 0), 0);
  return immediate(db, (tx) => {
    const batch = tx
      .insert(bulkBatches)
      .values({
        agentId,
        currency: 'NGN',
        fileName: fileName.slice(0, 120),
        status: 'preview',
        totalCostMinor,
        createdAt: now,
      })
      .returning({ id: bulkBatches.id })
      .get();
    // Chunks keep each INSERT under SQLite's bound-parameter limit.
    for (let i = 0; i < checked.length; i += 500) {
      tx.insert(bulkRows)
        .values(
          checked.slice(i, i + 500).map((r) => ({
            batchId: batch.id,
            rowNumber: r.rowNumber,
            rawNumber: r.rawNumber,
            phone: r.phone,
            network: r.network,
            ...(r.ok
              ? {
                  productId: r.product.id,
                  productName: r.product.name,
                  amountMinor: r.amountMinor,
                  agentCostMinor: r.agentCostMinor,
                  state: 'ready' as const,
                }
              : { state: 'invalid' as const, message: r.error }),
          })),
        )
        .run();
    }
    return { ok: true, batchId: batch.id } as const;
  });
}

/** preview → queued, once: a second click (or another tab) changes nothing. */
export function confirmBatch(db: Db, agentId: number, batchId: number, now = Date.now()): boolean {
  const changed = db
    .update(bulkBatches)
    .set({ status: 'queued', confirmedAt: now })
    .where(
      and(
        eq(bulkBatches.id, batchId),
        eq(bulkBatches.agentId, agentId),
        eq(bulkBatches.status, 'preview'),
      ),
    )
    .run();
  return changed.changes === 1;
}

/**
 * Stops the batch: rows not yet claimed are cancelled and never sold. A row the runner already
 * claimed (its sale may be on its way) finishes as a sale like any other.
 */
export function cancelBatch(db: Db, agentId: number, batchId: number, now = Date.now()): boolean {
  return immediate(db, (tx) => {
    const changed = tx
      .update(bulkBatches)
      .set({ status: 'cancelled', finishedAt: now })
      .where(
        and(
          eq(bulkBatches.id, batchId),
          eq(bulkBatches.agentId, agentId),
          inArray(bulkBatches.status, ['preview', 'queued']),
        ),
      )
      .run();
    if (changed.changes !== 1) return false;
    tx.update(bulkRows)
      .set({ state: 'cancelled', message: 'Cancelled before it was sent.' })
      .where(and(eq(bulkRows.batchId, batchId), eq(bulkRows.state, 'ready')))
      .run();
    return true;
  });
}
