import type { ProductType } from '@/lib/providers/types';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { listProducts } from '@/lib/catalogue/queries';
import {
  detectNigerianNetwork,
  normaliseIndianNumber,
  normaliseNigerianNumber,
} from '@/lib/catalogue/phone';
import { findWallet, listWallets } from '@/lib/ledger/accounts';
import { encodeCursor } from './schemas';
import type { z } from 'zod';
import type { balanceSchema, lookupSchema, planSchema, statementRowSchema } from './schemas';
import { rows } from '@/db/query';

const CURRENCY = { NG: 'NGN', IN: 'INR' } as const;

/** The plans on sale now (an enabled provider can sell them), cheapest first per network. */
export async function apiCatalogue(
  db: Db,
  q: { country: 'NG' | 'IN'; network?: string; type?: ProductType; circle?: string },
) {
  const rows = await listProducts(db, {
    currency: CURRENCY[q.country],
    network: q.network,
    type: q.type,
    circle: q.circle,
  });
  return rows.map((p): z.infer<typeof planSchema> => ({
    id: p.id,
    name: p.name,
    country: q.country,
    currency: p.currency,
    network: p.network,
    circle: p.circle || null,
    type: p.type,
    priceMinor: p.priceMinor,
    minAmountMinor: p.minMinor,
    maxAmountMinor: p.maxMinor,
    dataMb: p.dataMb,
    validityDays: p.validityDays,
  }));
}

/**
 * The network a number's prefix belongs to. India has no prefix-to-operator rule since number
 * portability, and the provider's operator lookup is not wired in: an Indian number comes back valid
 * with no operator or circle, and the client chooses them.
 */
export function lookupNumber(q: {
  phone: string;
  country: 'NG' | 'IN';
}): z.infer<typeof lookupSchema> | null {
  if (q.country === 'NG') {
    const phone = normaliseNigerianNumber(q.phone);
    if (!phone) return null;
    const network = detectNigerianNetwork(phone);
    return { country: 'NG', phone, network, circle: null, detected: network !== null };
  }
  const phone = normaliseIndianNumber(q.phone);
  return phone ? { country: 'IN', phone, network: null, circle: null, detected: false } : null;
}

export async function apiBalances(
  db: Db,
  agentId: number,
): Promise<z.infer<typeof balanceSchema>[]> {
  return (await listWallets(db, agentId)).map((w) => ({
    currency: w.currency,
    balanceMinor: w.balance,
    reservedMinor: w.reserved,
    availableMinor: w.balance - w.reserved,
  }));
}

interface StatementSqlRow {
  id: number;
  createdAt: number;
  kind: string;
  memo: string;
  reference: string | null;
  purchaseId: number | null;
  debit: number;
  credit: number;
  runningBalance: number;
}

/**
 * The wallet's ledger rows, newest first, by cursor. Only newer rows are cut off by the cursor, so the
 * running balance (a sum over every older row) is the same on every page.
 */
export async function apiStatement(
  db: Db,
  agentId: number,
  q: { currency: 'NGN' | 'INR'; limit: number; cursor?: number },
) {
  const wallet = await findWallet(db, agentId, q.currency);
  if (!wallet) return { data: [], hasMore: false, nextCursor: null };
  const before = q.cursor ?? Number.MAX_SAFE_INTEGER;
  const lines = await rows<StatementSqlRow>(
    db,
    sql`
    select id, created_at as "createdAt", kind, memo, reference, purchase_id as "purchaseId",
      case when debit_account_id = ${wallet.id} then amount else 0 end as debit,
      case when credit_account_id = ${wallet.id} then amount else 0 end as credit,
      sum(case when credit_account_id = ${wallet.id} then amount else -amount end)
        over (order by id rows between unbounded preceding and current row) as "runningBalance"
    from ledger_entries
    where (debit_account_id = ${wallet.id} or credit_account_id = ${wallet.id}) and id < ${before}
    order by id desc
    limit ${q.limit + 1}`,
  );
  const page = lines.slice(0, q.limit);
  const hasMore = lines.length > q.limit;
  const data = page.map((r): z.infer<typeof statementRowSchema> => ({
    id: r.id,
    createdAt: new Date(r.createdAt).toISOString(),
    kind: r.kind,
    memo: r.memo,
    reference: r.reference,
    saleId: r.purchaseId,
    debitMinor: r.debit,
    creditMinor: r.credit,
    balanceMinor: r.runningBalance,
  }));
  return { data, hasMore, nextCursor: hasMore ? encodeCursor(page[page.length - 1]!.id) : null };
}
