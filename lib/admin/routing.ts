import type { ProductType } from '@/lib/providers/types';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { routes } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { Refusal } from '@/lib/errors';
import { providerSells } from '@/lib/providers/registry';
import type { Currency } from '@/lib/money';
import { first } from '@/db/query';

export type RouteKey = { currency: Currency; network: string; type: ProductType };
export type RouteChange = { op: 'up' | 'down' | 'remove' | 'add'; provider: string };

export async function listRoutes(db: Db) {
  return await db
    .select()
    .from(routes)
    .orderBy(asc(routes.currency), asc(routes.network), asc(routes.type));
}

/** Pure: the new order after one change, or an error message. */
export function applyRouteChange(
  order: string[],
  change: RouteChange,
  currency: Currency,
  type?: ProductType,
): string[] | string {
  const i = order.indexOf(change.provider);
  const next = [...order];
  switch (change.op) {
    case 'up':
      if (i <= 0) return 'Already first.';
      [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
      return next;
    case 'down':
      if (i < 0 || i >= order.length - 1) return 'Already last.';
      [next[i + 1], next[i]] = [next[i]!, next[i + 1]!];
      return next;
    case 'remove':
      if (i < 0) return 'Not in this route.';
      if (order.length === 1) return 'A route needs at least one provider.';
      return order.filter((p) => p !== change.provider);
    case 'add':
      if (i >= 0) return 'Already in this route.';
      if (PROVIDER_CURRENCY[change.provider] !== currency)
        return `${change.provider} does not sell in ${currency}.`;
      if (type && !providerSells(change.provider, type))
        return `${change.provider} does not sell ${type}.`;
      return [...order, change.provider];
  }
}

/** Reorders one route; the audit row keeps the order before and after. */
export async function changeRoute(
  db: Db,
  actor: Actor,
  key: RouteKey,
  change: RouteChange,
  now = Date.now(),
): Promise<string[]> {
  return await inTransaction(db, async (tx) => {
    const where = and(
      eq(routes.currency, key.currency),
      eq(routes.network, key.network),
      eq(routes.type, key.type),
    );
    const route = await first(tx.select().from(routes).where(where));
    if (!route) throw new Refusal('No such route.');
    const next = applyRouteChange(route.providers, change, key.currency, key.type);
    if (typeof next === 'string') throw new Refusal(next);
    await tx.update(routes).set({ providers: next }).where(where);
    await recordAudit(
      tx,
      actor,
      {
        action: 'route.change',
        targetType: 'route',
        targetId: `${key.currency}:${key.network}:${key.type}`,
        detail: { from: route.providers, to: next, change },
      },
      now,
    );
    return next;
  });
}
