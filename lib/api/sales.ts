import { and, desc, eq, inArray, lt, gte, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases, type PurchaseStatus } from '@/db/schema';
import { normaliseIndianNumber, normaliseNigerianNumber } from '@/lib/catalogue/phone';
import { getProduct } from '@/lib/catalogue/routing';
import type { Purchase } from '@/lib/purchases/open';
import { startSale, type StartSaleDeps } from '@/lib/purchases/start-sale';
import { isFinal } from '@/lib/purchases/status';
import { bodyHash, claimIdempotencyKey, recordAnswer, releaseIdempotencyKey } from './idempotency';
import { problemBody, type ProblemCode } from './problem';
import { encodeCursor, type ApiSale, type CreateSaleInput } from './schemas';
import { first } from '@/db/query';

const API_STATUS: Record<PurchaseStatus, ApiSale['status']> = {
  PENDING: 'pending',
  UNKNOWN: 'pending',
  SUCCESS: 'success',
  FAILED: 'failed',
  REVERSED: 'reversed',
  MANUAL_REVIEW: 'manual_review',
};

const STATUS_GROUPS: Record<ApiSale['status'], PurchaseStatus[]> = {
  pending: ['PENDING', 'UNKNOWN'],
  success: ['SUCCESS'],
  failed: ['FAILED'],
  reversed: ['REVERSED'],
  manual_review: ['MANUAL_REVIEW'],
};

export function toApiSale(p: Purchase): ApiSale {
  return {
    id: p.id,
    reference: p.reference,
    status: API_STATUS[p.status],
    type: p.type,
    productId: p.productId,
    network: p.network,
    circle: p.circle,
    phone: p.phone,
    currency: p.currency,
    amountMinor: p.amountMinor,
    costMinor: p.agentCostMinor,
    commissionMinor: p.commissionMinor,
    providerReference: p.providerRef,
    operatorReference: p.operatorRef,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

// The API's keys live in their own namespace, so a client's key can never meet a browser form's.
const saleKey = (idempotencyKey: string) => `api:${idempotencyKey}`;

const REFUSAL_CODES: Partial<Record<string, ProblemCode>> = {
  INSUFFICIENT_FUNDS: 'insufficient_funds',
};

/**
 * Create-sale for the API: the browser's own sale path (startSale → sell) with the client's
 * Idempotency-Key as the sale's key. The first answer is kept and replayed as it was (status code and
 * body) for the same key and body; another body under the key is refused. 201 when the sale is final,
 * 202 while the provider has not answered (poll GET /sales/{id}). A refused sale moved no money and
 * keeps nothing, so its key may be used again.
 */
export async function createSaleFromApi(
  db: Db,
  agentId: number,
  idempotencyKey: string,
  input: CreateSaleInput,
  deps: StartSaleDeps,
  now = Date.now(),
): Promise<ApiAnswer> {
  const claim = await claimIdempotencyKey(db, agentId, idempotencyKey, bodyHash(input), now);
  if (claim.kind === 'reused')
    return { status: 422, body: problemBody('idempotency_key_reused'), replayed: false };
  if (claim.kind === 'answered')
    return { status: claim.statusCode, body: JSON.parse(claim.body), replayed: true };

  const product = await getProduct(db, input.productId);
  const result = await startSale(
    db,
    agentId,
    {
      idempotencyKey: saleKey(idempotencyKey),
      productId: input.productId,
      phone: input.phone,
      network: input.network ?? product?.network ?? '',
      circle: input.circle,
      amountMinor: input.amountMinor,
      expectedPriceMinor: input.expectedPriceMinor,
      // The Idempotency-Key is the API's guard against a double sale; a second key is a second sale on purpose.
      confirmRepeat: true,
    },
    deps,
  );
  if (!result.ok) {
    if (claim.kind === 'claimed') await releaseIdempotencyKey(db, agentId, idempotencyKey);
    const { code, message, field } = result.refusal;
    const body = problemBody((code ? REFUSAL_CODES[code] : undefined) ?? 'sale_refused', {
      detail: message,
      field,
    });
    return { status: body.status, body, replayed: false };
  }
  const purchase = (await first(
    db.select().from(purchases).where(eq(purchases.id, result.outcome.purchaseId)),
  ))!;
  const sale = toApiSale(purchase);
  const answer = await recordAnswer(
    db,
    agentId,
    idempotencyKey,
    purchase.id,
    isFinal(purchase.status) ? 201 : 202,
    JSON.stringify(sale),
  );
  return {
    status: answer.statusCode,
    body: JSON.parse(answer.body),
    replayed: claim.kind === 'unanswered',
  };
}

/** One of the agent's own sales (another agent's id answers as if it did not exist). */
export async function getApiSale(db: Db, agentId: number, id: number): Promise<ApiSale | null> {
  const row = await first(
    db
      .select()
      .from(purchases)
      .where(and(eq(purchases.id, id), eq(purchases.agentId, agentId))),
  );
  return row ? toApiSale(row) : null;
}

export interface ApiSaleFilter {
  status?: ApiSale['status'];
  from?: number;
  to?: number;
  phone?: string;
  reference?: string;
  limit: number;
  cursor?: number;
}

/** A phone filter matches what the sale stored, whichever way the client spelled the number. */
function phoneCondition(phone: string): SQL | undefined {
  const spellings = [normaliseNigerianNumber(phone), normaliseIndianNumber(phone), phone].filter(
    (v): v is string => !!v,
  );
  return inArray(purchases.phone, [...new Set(spellings)]);
}

/** Newest first, by id; the cursor is the last id of the previous page. The agent id is in the SQL. */
export async function listApiSales(db: Db, agentId: number, f: ApiSaleFilter) {
  const rows = await db
    .select()
    .from(purchases)
    .where(
      and(
        eq(purchases.agentId, agentId),
        f.status ? inArray(purchases.status, STATUS_GROUPS[f.status]) : undefined,
        f.from !== undefined ? gte(purchases.createdAt, f.from) : undefined,
        f.to !== undefined ? lt(purchases.createdAt, f.to) : undefined,
        f.phone ? phoneCondition(f.phone) : undefined,
        f.reference
          ? or(eq(purchases.reference, f.reference), eq(purchases.providerRef, f.reference))
          : undefined,
        f.cursor !== undefined ? lt(purchases.id, f.cursor) : undefined,
      ),
    )
    .orderBy(desc(purchases.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const hasMore = rows.length > f.limit;
  return {
    data: page.map(toApiSale),
    hasMore,
    nextCursor: hasMore ? encodeCursor(page[page.length - 1]!.id) : null,
  };
}
