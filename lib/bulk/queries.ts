import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { bulkBatches, bulkRows, purchases } from '@/db/schema';
import { findWallet } from '@/lib/ledger/accounts';
import { first } from '@/db/query';

export type BulkBatch = typeof bulkBatches.$inferSelect;

export interface BulkRowView {
  rowNumber: number;
  rawNumber: string;
  phone: string | null;
  network: string | null;
  productName: string | null;
  amountMinor: number | null;
  agentCostMinor: number | null;
  state: (typeof bulkRows.$inferSelect)['state'];
  message: string | null;
  /** The sale's own status once the row was sent. */
  saleStatus: (typeof purchases.$inferSelect)['status'] | null;
  reference: string | null;
}

/** What the agent reads about a row, in one word: the sale's status once sent, else the row's state. */
export function rowResult(row: Pick<BulkRowView, 'state' | 'saleStatus'>): string {
  if (row.state === 'sent' && row.saleStatus) {
    if (row.saleStatus === 'SUCCESS') return 'sold';
    if (row.saleStatus === 'FAILED' || row.saleStatus === 'REVERSED') return 'failed, refunded';
    if (row.saleStatus === 'MANUAL_REVIEW') return 'under review';
    return 'pending';
  }
  if (row.state === 'insufficient') return 'not sold: insufficient balance';
  if (row.state === 'invalid') return 'not sold: invalid row';
  if (row.state === 'refused') return 'not sold: refused';
  if (row.state === 'cancelled') return 'not sold: cancelled';
  if (row.state === 'sending') return 'sending';
  return 'ready';
}

export interface BatchProgress {
  total: number;
  valid: number;
  /** Rows whose outcome is known for now: sent, refused, insufficient, invalid or cancelled. */
  handled: number;
  sold: number;
  pending: number;
  failed: number;
  notSold: number;
}

export function progressOf(rows: BulkRowView[]): BatchProgress {
  const results = rows.map(rowResult);
  return {
    total: rows.length,
    valid: rows.filter((r) => r.state !== 'invalid').length,
    handled: rows.filter((r) => r.state !== 'ready' && r.state !== 'sending').length,
    sold: results.filter((r) => r === 'sold').length,
    pending: results.filter((r) => r === 'pending' || r === 'under review').length,
    failed: results.filter((r) => r === 'failed, refunded').length,
    notSold: results.filter((r) => r.startsWith('not sold')).length,
  };
}

export async function getBatchForAgent(
  db: Db,
  agentId: number,
  batchId: number,
): Promise<BulkBatch | undefined> {
  return await first(
    db
      .select()
      .from(bulkBatches)
      .where(and(eq(bulkBatches.id, batchId), eq(bulkBatches.agentId, agentId))),
  );
}

export async function listBatchRows(
  db: Db,
  agentId: number,
  batchId: number,
): Promise<BulkRowView[]> {
  return await db
    .select({
      rowNumber: bulkRows.rowNumber,
      rawNumber: bulkRows.rawNumber,
      phone: bulkRows.phone,
      network: bulkRows.network,
      productName: bulkRows.productName,
      amountMinor: bulkRows.amountMinor,
      agentCostMinor: bulkRows.agentCostMinor,
      state: bulkRows.state,
      message: bulkRows.message,
      saleStatus: purchases.status,
      reference: purchases.reference,
    })
    .from(bulkRows)
    .innerJoin(bulkBatches, eq(bulkBatches.id, bulkRows.batchId))
    .leftJoin(purchases, eq(purchases.id, bulkRows.purchaseId))
    .where(and(eq(bulkRows.batchId, batchId), eq(bulkBatches.agentId, agentId)))
    .orderBy(asc(bulkRows.rowNumber));
}

export async function listBatches(db: Db, agentId: number, limit = 20): Promise<BulkBatch[]> {
  return await db
    .select()
    .from(bulkBatches)
    .where(eq(bulkBatches.agentId, agentId))
    .orderBy(desc(bulkBatches.id))
    .limit(limit);
}

/** Posted minus reserved: what the wallet can still pay for now. */
export async function availableMinor(db: Db, agentId: number): Promise<number> {
  const wallet = await findWallet(db, agentId, 'NGN');
  return wallet ? wallet.balance - wallet.reserved : 0;
}

/** Enough rows for a phone to scroll; the result CSV has them all. */
export const ROWS_SHOWN = 500;

export interface BatchView {
  id: number;
  fileName: string;
  status: BulkBatch['status'];
  currency: BulkBatch['currency'];
  totalCostMinor: number;
  availableMinor: number;
  progress: BatchProgress;
  /** Rows refused at upload first (the ones the agent must fix), then the rest in file order. */
  rows: (BulkRowView & { result: string })[];
}

export async function getBatchView(
  db: Db,
  agentId: number,
  batchId: number,
): Promise<BatchView | null> {
  const batch = await getBatchForAgent(db, agentId, batchId);
  if (!batch) return null;
  const rows = await listBatchRows(db, agentId, batchId);
  const ordered = [
    ...rows.filter((r) => r.state === 'invalid'),
    ...rows.filter((r) => r.state !== 'invalid'),
  ];
  return {
    id: batch.id,
    fileName: batch.fileName,
    status: batch.status,
    currency: batch.currency,
    totalCostMinor: batch.totalCostMinor,
    availableMinor: await availableMinor(db, agentId),
    progress: progressOf(rows),
    rows: ordered.slice(0, ROWS_SHOWN).map((r) => ({ ...r, result: rowResult(r) })),
  };
}
