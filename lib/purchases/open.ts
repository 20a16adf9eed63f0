import { createHash } from 'node:crypto';
import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { purchaseAttempts, purchases, requeryJobs, users } from '@/db/schema';
import { inTransaction, type Tx } from '@/db/transaction';
import { rememberBeneficiary } from '@/lib/beneficiaries/commands';
import { routeFor, type Product, type RouteStep } from '@/lib/catalogue/routing';
import { Refusal } from '@/lib/errors';
import { reserve } from '@/lib/ledger/purchase-money';
import { costAtBps, formatMoney } from '@/lib/money';
import { startOfLagosDay } from '@/lib/time/lagos';
import type { BillSale } from '@/lib/bills/sale';
import type { NewReference } from '@/lib/providers/reference';
import { recordEvent } from './events';
import { nextRequeryDelay } from './schedule';
import type { SalePrice } from '@/lib/catalogue/pricing';
import { first } from '@/db/query';

export interface SaleRequest {
  agentId: number;
  idempotencyKey: string;
  product: Product;
  phone: string;
  network: string;
  circle?: string;
  price: SalePrice;
  /** A bill (electricity, TV): the account and what the sale must deliver (lib/bills/sale.ts). */
  bill?: BillSale;
}

export type Purchase = typeof purchases.$inferSelect;
export type Attempt = typeof purchaseAttempts.$inferSelect;

export type OpenResult =
  | { kind: 'opened'; purchase: Purchase; attempt: Attempt; route: RouteStep[] }
  | { kind: 'replay'; purchase: Purchase };

export function requestHash(r: SaleRequest): string {
  const canonical = JSON.stringify([
    r.product.id,
    r.phone,
    r.network,
    r.circle ?? '',
    r.price.amountMinor,
    // Only a bill adds its account: a top-up's hash stays what it always was.
    ...(r.bill ? [r.bill.account, r.bill.quantity, r.bill.subscriptionType] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const p = sql.placeholder;

const agentLimits = prepared((db) =>
  db
    .select({ maxSaleMinor: users.maxSaleMinor, dailyLimitMinor: users.dailyLimitMinor })
    .from(users)
    .where(eq(users.id, p('id'))),
);

const soldToday = prepared((db) =>
  db
    .select({ total: sql<number>`coalesce(sum(${purchases.amountMinor}), 0)` })
    .from(purchases)
    .where(
      and(
        eq(purchases.agentId, p('agentId')),
        ne(purchases.id, p('purchaseId')),
        gte(purchases.createdAt, p('since')),
        inArray(purchases.status, ['SUCCESS', 'PENDING', 'UNKNOWN', 'MANUAL_REVIEW']),
      ),
    ),
);

const insertPurchase = prepared((db) =>
  db
    .insert(purchases)
    .values({
      agentId: p('agentId'),
      idempotencyKey: p('idempotencyKey'),
      requestHash: p('requestHash'),
      productId: p('productId'),
      type: p('type'),
      currency: p('currency'),
      network: p('network'),
      circle: p('circle'),
      phone: p('phone'),
      account: p('account'),
      quantity: p('quantity'),
      subscriptionType: p('subscriptionType'),
      tokenExpected: p('tokenExpected'),
      customerName: p('customerName'),
      amountMinor: p('amountMinor'),
      agentCostMinor: p('agentCostMinor'),
      commissionMinor: p('commissionMinor'),
      status: 'UNKNOWN',
      provider: p('provider'),
      reference: p('reference'),
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .onConflictDoNothing({ target: [purchases.agentId, purchases.idempotencyKey] })
    .returning(),
);

const insertAttemptRow = prepared((db) =>
  db
    .insert(purchaseAttempts)
    .values({
      purchaseId: p('purchaseId'),
      provider: p('provider'),
      reference: p('reference'),
      planCode: p('planCode'),
      providerCostMinor: p('providerCostMinor'),
      status: 'UNKNOWN',
      createdAt: p('now'),
    })
    .returning(),
);

const insertRequeryJob = prepared((db) =>
  db.insert(requeryJobs).values({
    attemptId: p('attemptId'),
    purchaseId: p('purchaseId'),
    provider: p('provider'),
    nextAt: p('nextAt'),
    createdAt: p('now'),
  }),
);

/** Limits count today's other sales: the one being opened is excluded by its id. */
async function enforceLimits(tx: Tx, r: SaleRequest, purchaseId: number, now: number) {
  const agent = await agentLimits(tx).get({ id: r.agentId });
  const currency = r.product.currency;
  if (agent?.maxSaleMinor && r.price.amountMinor > agent.maxSaleMinor) {
    throw new Refusal(
      `The largest sale you can make is ${formatMoney(agent.maxSaleMinor, currency)}.`,
    );
  }
  if (agent?.dailyLimitMinor) {
    const today = await soldToday(tx).get({
      agentId: r.agentId,
      purchaseId,
      since: startOfLagosDay(now),
    });
    if ((today?.total ?? 0) + r.price.amountMinor > agent.dailyLimitMinor) {
      throw new Refusal(
        `This sale would pass your daily limit of ${formatMoney(agent.dailyLimitMinor, currency)}.`,
      );
    }
  }
}

/**
 * Phase 1, one IMMEDIATE transaction: claim the idempotency key (unique index), insert the sale and
 * its first attempt with a fresh provider reference, reserve the agent's cost, and schedule a
 * requery so that even a crash right after this commit ends in a resolution.
 */
export async function openSale(
  db: Db,
  r: SaleRequest,
  newReference: NewReference,
  now = Date.now(),
): Promise<OpenResult> {
  const route = await routeFor(db, r.product);
  const firstChoice = route[0];
  if (!firstChoice)
    throw new Refusal('This product cannot be sold right now. Try another plan or network.');
  const hash = requestHash(r);
  return await inTransaction(db, async (tx) => {
    const reference = newReference(firstChoice.provider);
    const purchase = await insertPurchase(tx).get({
      agentId: r.agentId,
      idempotencyKey: r.idempotencyKey,
      requestHash: hash,
      productId: r.product.id,
      type: r.product.type,
      currency: r.product.currency,
      network: r.network,
      circle: r.circle ?? null,
      phone: r.phone,
      account: r.bill?.account ?? null,
      quantity: r.bill?.quantity ?? null,
      subscriptionType: r.bill?.subscriptionType ?? null,
      tokenExpected: r.bill?.tokenExpected ? 1 : 0,
      customerName: r.bill?.customerName ?? null,
      amountMinor: r.price.amountMinor,
      agentCostMinor: r.price.agentCostMinor,
      commissionMinor: r.price.commissionMinor,
      provider: firstChoice.provider,
      reference,
      now,
    });
    if (!purchase) {
      const existing = await first(
        tx
          .select()
          .from(purchases)
          .where(
            and(eq(purchases.agentId, r.agentId), eq(purchases.idempotencyKey, r.idempotencyKey)),
          ),
      );
      if (!existing || existing.requestHash !== hash) {
        throw new Refusal('This form was already used for a different sale. Start a new sale.');
      }
      return { kind: 'replay', purchase: existing } as const;
    }
    await enforceLimits(tx, r, purchase.id, now);
    const attempt = await insertAttempt(tx, purchase, firstChoice, reference, now);
    await reserve(
      tx,
      {
        purchaseId: purchase.id,
        agentId: r.agentId,
        currency: r.product.currency,
        agentCostMinor: r.price.agentCostMinor,
        now,
      },
      `${r.product.name} to ${r.bill?.account ?? r.phone}`,
    );
    // Remembered in the same commit: the next sale to this number pre-fills the network chosen now.
    // A bill's biller is no network to pre-fill.
    if (!r.bill)
      await rememberBeneficiary(
        tx,
        r.agentId,
        {
          phone: r.phone,
          currency: r.product.currency,
          network: r.network,
          circle: r.circle ?? null,
        },
        now,
      );
    await recordEvent(tx, purchase.id, 'opened', now, {
      attemptId: attempt.id,
      status: 'UNKNOWN',
      detail: { provider: firstChoice.provider, reference },
    });
    return { kind: 'opened', purchase, attempt, route } as const;
  });
}

/** A new attempt always gets its own reference (I9) and its own requery job. */
export async function insertAttempt(
  tx: Tx,
  purchase: Purchase,
  step: RouteStep,
  reference: string,
  now: number,
): Promise<Attempt> {
  const attempt = await insertAttemptRow(tx).get({
    purchaseId: purchase.id,
    provider: step.provider,
    reference,
    planCode: step.planCode,
    providerCostMinor: costAtBps(purchase.amountMinor, step.costBps),
    now,
  });
  if (!attempt) throw new Error(`Attempt for purchase ${purchase.id} was not inserted`);
  await insertRequeryJob(tx).run({
    attemptId: attempt.id,
    purchaseId: purchase.id,
    provider: step.provider,
    nextAt: now + (nextRequeryDelay(step.provider, 0) ?? 60_000),
    now,
  });
  return attempt;
}
