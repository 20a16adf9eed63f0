import type { ProductType } from '@/lib/providers/types';
import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { products, purchases, receiptLinks, type PurchaseStatus } from '@/db/schema';
import {
  awaitingToken,
  deliveredColumns,
  deliveredOf,
  type Delivered,
} from '@/lib/bills/delivered';
import { maskPhone } from '@/lib/format';
import type { Currency } from '@/lib/money';
import { hashReceiptToken, isWellFormedToken, legacyReceiptToken } from './token';
import { first } from '@/db/query';

/**
 * What a customer may see of a sale: nothing of the agent (no name, cost or commission), the number
 * masked, and only the tail of our provider reference: the full reference is what a provider's
 * callback names, so a receipt must not hand it to whoever holds the link.
 */
export interface PublicReceipt {
  status: PurchaseStatus;
  product: string;
  type: ProductType;
  network: string;
  phone: string;
  currency: Currency;
  amountMinor: number;
  createdAt: number;
  finalAt: number | null;
  maskedReference: string;
  operatorRef: string | null;
  /** A bill's meter or smartcard number: the customer needs it to match the token to the meter. */
  account: string | null;
  delivered: Delivered | null;
  awaitingToken: boolean;
}

const REFERENCE_TAIL = 4;

/** "…k3x9": enough for the customer and the agent to tell sales apart, too little to name one to a provider. */
export function maskReference(reference: string): string {
  return `…${reference.slice(-REFERENCE_TAIL)}`;
}

const receiptColumns = {
  id: purchases.id,
  status: purchases.status,
  product: products.name,
  type: purchases.type,
  network: purchases.network,
  phone: purchases.phone,
  currency: purchases.currency,
  amountMinor: purchases.amountMinor,
  createdAt: purchases.createdAt,
  finalAt: purchases.finalAt,
  reference: purchases.reference,
  operatorRef: purchases.operatorRef,
  account: purchases.account,
  ...deliveredColumns,
};

/** The sale a live (not revoked) random link opens. */
async function byLink(db: Db, hash: string) {
  return await first(
    db
      .select(receiptColumns)
      .from(receiptLinks)
      .innerJoin(purchases, eq(purchases.id, receiptLinks.purchaseId))
      .innerJoin(products, eq(products.id, purchases.productId))
      .where(and(eq(receiptLinks.tokenHash, hash), isNull(receiptLinks.revokedAt))),
  );
}

/**
 * The sale a link shared before random tokens opens: its hash is still on the purchase (revoking
 * clears it) and the current RECEIPT_KEY must derive exactly this token for that sale, so rotating or
 * removing the key ends these links even while their hashes are stored.
 */
async function byLegacyLink(db: Db, hash: string, token: string) {
  const row = await first(
    db
      .select(receiptColumns)
      .from(purchases)
      .innerJoin(products, eq(products.id, purchases.productId))
      .where(eq(purchases.receiptTokenHash, hash)),
  );
  if (!row) return undefined;
  const derived = legacyReceiptToken(row.id);
  if (derived === null) return undefined;
  const expected = Buffer.from(derived);
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? row : undefined;
}

/** The sale a receipt token opens, or null. Looked up by the token's hash, the only thing stored. */
export async function getPublicReceipt(db: Db, token: string): Promise<PublicReceipt | null> {
  if (!isWellFormedToken(token)) return null;
  const hash = hashReceiptToken(token);
  const row = (await byLink(db, hash)) ?? (await byLegacyLink(db, hash, token));
  if (!row) return null;
  return {
    status: row.status,
    product: row.product,
    type: row.type,
    network: row.network,
    phone: maskPhone(row.phone),
    currency: row.currency,
    amountMinor: row.amountMinor,
    createdAt: row.createdAt,
    finalAt: row.finalAt,
    maskedReference: maskReference(row.reference),
    operatorRef: row.operatorRef,
    account: row.account,
    delivered: deliveredOf(row),
    awaitingToken: awaitingToken(row),
  };
}
