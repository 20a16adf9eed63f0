// Where a sale's delivered value (token, units, customer name) is read for display, and the one rule
// that writes it: write-once per field. The first answer that carries a value sets it; a later answer
// without it (or with another) never erases or replaces it, so a token is never lost once any answer
// carried it (docs/providers/vtpass-bills.md#tokens).
import { eq, sql } from 'drizzle-orm';
import { purchases } from '@/db/schema';
import type { Tx } from '@/db/transaction';
import type { DeliveredValue } from '@/lib/providers/types';
import { first } from '@/db/query';

export type Delivered = DeliveredValue;

type DeliveredColumns = {
  status: string;
  tokenExpected: boolean;
  token: string | null;
  units: string | null;
  customerName: string | null;
};

/** The delivered value of a sale, or null when it has none of it. */
export function deliveredOf(p: DeliveredColumns): Delivered | null {
  if (p.token === null && p.units === null && p.customerName === null) return null;
  return { token: p.token, units: p.units, customerName: p.customerName };
}

/** Settled as delivered, but the token it must carry has not come in any answer yet. */
export function awaitingToken(p: DeliveredColumns): boolean {
  return p.tokenExpected && p.status === 'SUCCESS' && p.token === null;
}

/** The purchase columns a display query selects to show the delivered value (see withDelivered). */
export const deliveredColumns = {
  tokenExpected: purchases.tokenExpected,
  token: purchases.token,
  units: purchases.units,
  customerName: purchases.customerName,
};

/** A selected row with the contract's `delivered` and `awaitingToken` in place of the raw columns. */
export function withDelivered<R extends DeliveredColumns>(
  row: R,
): Omit<R, 'tokenExpected' | 'token' | 'units' | 'customerName'> & {
  delivered: Delivered | null;
  awaitingToken: boolean;
} {
  const { tokenExpected: _e, token: _t, units: _u, customerName: _c, ...rest } = row;
  return { ...rest, delivered: deliveredOf(row), awaitingToken: awaitingToken(row) };
}

const hasAny = (d: DeliveredValue | undefined): d is DeliveredValue =>
  !!d && (d.token !== null || d.units !== null || d.customerName !== null);

/**
 * Keeps what this answer delivered, inside the caller's transaction. Returns true when it brought
 * the sale's first token.
 */
export async function keepDelivered(
  tx: Tx,
  purchaseId: number,
  delivered: DeliveredValue | undefined,
  now: number,
): Promise<boolean> {
  if (!hasAny(delivered)) return false;
  const before = await first(
    tx.select({ token: purchases.token }).from(purchases).where(eq(purchases.id, purchaseId)),
  );
  await tx
    .update(purchases)
    .set({
      token: sql`coalesce(${purchases.token}, ${delivered.token})`,
      units: sql`coalesce(${purchases.units}, ${delivered.units})`,
      customerName: sql`coalesce(${purchases.customerName}, ${delivered.customerName})`,
      // The time decided here, not in a `case` on the parameters: PostgreSQL cannot type a parameter
      // that is only compared with null (it took `now` for text).
      tokenAt: sql`coalesce(${purchases.tokenAt}, ${delivered.token === null ? null : now})`,
    })
    .where(eq(purchases.id, purchaseId));
  return before?.token === null && delivered.token !== null;
}
