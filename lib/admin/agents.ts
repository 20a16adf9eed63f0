import type { ProductType } from '@/lib/providers/types';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { commissionRates, users } from '@/db/schema';
import { immediate } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import type { Currency } from '@/lib/money';

/** null removes a limit. The purchase code enforces both on every sale. */
export function setAgentLimits(
  db: Db,
  actor: Actor,
  agentId: number,
  limits: { maxSaleMinor: number | null; dailyLimitMinor: number | null },
  now = Date.now(),
): void {
  immediate(db, (tx) => {
    const before = tx
      .select()
      .from(users)
      .where(and(eq(users.id, agentId), eq(users.role, 'agent')))
      .get();
    if (!before) throw new Refusal('No such agent.');
    tx.update(users).set(limits).where(eq(users.id, agentId)).run();
    recordAudit(
      tx,
      actor,
      {
        action: 'user.limits',
        targetType: 'user',
        targetId: agentId,
        detail: {
          from: { maxSaleMinor: before.maxSaleMinor, dailyLimitMinor: before.dailyLimitMinor },
          to: limits,
        },
      },
      now,
    );
  });
}

export interface CommissionRow {
  currency: Currency;
  network: string;
  type: ProductType;
  defaultBps: number;
  agentBps: number | null;
}

/** Every default rate with this agent's own rate beside it (null: the default applies). */
export function listAgentCommission(db: Db, agentId: number): CommissionRow[] {
  const defaults = db
    .select()
    .from(commissionRates)
    .where(isNull(commissionRates.agentId))
    .orderBy(asc(commissionRates.currency), asc(commissionRates.network), asc(commissionRates.type))
    .all();
  const own = db.select().from(commissionRates).where(eq(commissionRates.agentId, agentId)).all();
  return defaults.map((d) => ({
    currency: d.currency,
    network: d.network,
    type: d.type,
    defaultBps: d.rateBps,
    agentBps:
      own.find((o) => o.currency === d.currency && o.network === d.network && o.type === d.type)
        ?.rateBps ?? null,
  }));
}

/** Sets (or with null, removes) the agent's own commission for one network and product type. */
export function setAgentCommission(
  db: Db,
  actor: Actor,
  input: {
    agentId: number;
    currency: Currency;
    network: string;
    type: ProductType;
    rateBps: number | null;
  },
  now = Date.now(),
): void {
  if (
    input.rateBps !== null &&
    (!Number.isInteger(input.rateBps) || input.rateBps < 0 || input.rateBps > 5000)
  ) {
    throw new Refusal('Commission must be between 0% and 50%.');
  }
  immediate(db, (tx) => {
    const agent = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.agentId), eq(users.role, 'agent')))
      .get();
    if (!agent) throw new Refusal('No such agent.');
    const match = and(
      eq(commissionRates.agentId, input.agentId),
      eq(commissionRates.currency, input.currency),
      eq(commissionRates.network, input.network),
      eq(commissionRates.type, input.type),
    );
    const before = tx.select().from(commissionRates).where(match).get();
    if (input.rateBps === null) tx.delete(commissionRates).where(match).run();
    else if (before) tx.update(commissionRates).set({ rateBps: input.rateBps }).where(match).run();
    else
      tx.insert(commissionRates)
        .values({ ...input, rateBps: input.rateBps })
        .run();
    recordAudit(
      tx,
      actor,
      {
        action: 'user.commission',
        targetType: 'user',
        targetId: input.agentId,
        detail: {
          currency: input.currency,
          network: input.network,
          type: input.type,
          from: before?.rateBps ?? null,
          to: input.rateBps,
        },
      },
      now,
    );
  });
}
