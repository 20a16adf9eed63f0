import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { bulkBatches, bulkRows } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { Refusal } from '@/lib/errors';
import { checkContext, checkRow, type CheckedRow } from './check-row';
import { parseBulkCsv } from './csv';
import { one, written } from '@/db/query';

export type CreateBatchResult = { ok: true; batchId: number } | { ok: false; refusal: Refusal };

/** Checks every row of the upload and stores the preview; nothing is sold until the agent confirms. */
export async function createBatch(
  db: Db,
  agentId: number,
  fileName: string,
  text: string,
  now = Date.now(),
): Promise<CreateBatchResult> {
  const parsed = parseBulkCsv(text);
  if (!parsed.ok) return parsed;
  const ctx = checkContext(db, agentId);
  // One row at a time: the context reads each network's products and rates once, on first use.
  const checked: CheckedRow[] = [];
  for (const row of parsed.rows) checked.push(await checkRow(ctx, row));
  const totalCostMinor = checked.reduce((sum, r) => sum + (r.ok ? r.agentCostMinor : 0), 0);
  return await inTransaction(db, async (tx) => {
    const batch = await one(
      tx
        .insert(bulkBatches)
        .values({
          agentId,
          currency: 'NGN',
          fileName: fileName.slice(0, 120),
          status: 'preview',
          totalCostMinor,
          createdAt: now,
        })
        .returning({ id: bulkBatches.id }),
    );
    // Chunks keep each INSERT under SQLite's bound-parameter limit.
    for (let i = 0; i < checked.length; i += 500) {
      await tx.insert(bulkRows).values(
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
      );
    }
    return { ok: true, batchId: batch.id } as const;
  });
}

/** preview → queued, once: a second click (or another tab) changes nothing. */
export async function confirmBatch(
  db: Db,
  agentId: number,
  batchId: number,
  now = Date.now(),
): Promise<boolean> {
  const changed = await written(
    db
      .update(bulkBatches)
      .set({ status: 'queued', confirmedAt: now })
      .where(
        and(
          eq(bulkBatches.id, batchId),
          eq(bulkBatches.agentId, agentId),
          eq(bulkBatches.status, 'preview'),
        ),
      ),
  );
  return changed === 1;
}

/**
 * Stops the batch: rows not yet claimed are cancelled and never sold. A row the runner already
 * claimed (its sale may be on its way) finishes as a sale like any other.
 */
export async function cancelBatch(
  db: Db,
  agentId: number,
  batchId: number,
  now = Date.now(),
): Promise<boolean> {
  return await inTransaction(db, async (tx) => {
    const changed = await written(
      tx
        .update(bulkBatches)
        .set({ status: 'cancelled', finishedAt: now })
        .where(
          and(
            eq(bulkBatches.id, batchId),
            eq(bulkBatches.agentId, agentId),
            inArray(bulkBatches.status, ['preview', 'queued']),
          ),
        ),
    );
    if (changed !== 1) return false;
    await tx
      .update(bulkRows)
      .set({ state: 'cancelled', message: 'Cancelled before it was sent.' })
      .where(and(eq(bulkRows.batchId, batchId), eq(bulkRows.state, 'ready')));
    return true;
  });
}
