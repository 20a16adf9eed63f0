import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { products, purchases, type PurchaseStatus } from '@/db/schema';
import { maskPhone } from '@/lib/format';
import type { Currency } from '@/lib/money';
import { deriveReceiptToken, hashReceiptToken, isWellFormedToken } from './token';

/** What a customer may see of a sale: nothing of the agent (no name, cost or commission), the number masked. */
export interface PublicReceipt {
  status: PurchaseStatus;
  product: string;
  type: 'airtime' | 'data';
  network: string;
  phone: string;
  currency: Currency;
  amountMinor: number;
  createdAt: number;
  finalAt: number | null;
  reference: string;
  operatorRef: string | null;
}

/**
 * The sale a receipt token opens, or null. Looked up by the token's hash (the only thing stored);
 * the token must also be the one the current key derives for that sale, so rotating RECEIPT_KEY
 * really revokes old links even while their hashes are still in the table.
 */
export function getPublicReceipt(db: Db, token: string): PublicReceipt | null {
  if (!isWellFormedToken(token)) return null;
  const row = db
    .select({
      id: purchases.id, status: purchases.status, product: products.name, type: purchases.type, network: purchases.network,
      phone: purchases.phone, currency: purchases.currency, amountMinor: purchases.faceMinor, createdAt: purchases.createdAt,
      finalAt: purchases.finalAt, reference: purchases.reference, operatorRef: purchases.operatorRef,
    })
    .from(purchases)
    .innerJoin(products, eq(products.id, purchases.productId))
    .where(eq(purchases.receiptTokenHash, hashReceiptToken(token)))
    .get();
  if (!row) return null;
  const expected = Buffer.from(deriveReceiptToken(row.id));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return {
    status: row.status, product: row.product, type: row.type, network: row.network, phone: maskPhone(row.phone),
    currency: row.currency, amountMinor: row.amountMinor, createdAt: row.createdAt, finalAt: row.finalAt,
    reference: row.reference, operatorRef: row.operatorRef,
  };
}
