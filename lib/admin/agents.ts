import type { ProductType } from '@/lib/providers/types';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { commissionRates, users } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import type { Currency } from '@/lib/money';
import { first } from '@/db/query';

/** null removes a limit. The purchase code enforces both on every sale. */
export async function setAgentLimits(
  db: Db,
  actor: Actor,
  agentId: number,
  limits: { maxSaleMinor: number | null; dailyLimitMinor: number | null },
  now = Date.now(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await first(
      tx
        .select()
        .from(users)
        .where(and(eq(users.id, agentId), eq(users.role, 'agent'))),
    );
    if (!before) throw new Refusal('No such agent.');
    await tx.update(users).set(limits).where(eq(users.id, agentId));
    await recordAudit(
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
export async function listAgentCommission(db: Db, agentId: number): Promise<CommissionRow[]> {
  const defaults = await db
    .select()
    .from(commissionRates)
    .where(isNull(commissionRates.agentId))
    .orderBy(
      asc(commissionRates.currency),
      asc(commissionRates.network),
      asc(commissionRates.type),
    );
  const own = await db.select().from(commissionRates).where(eq(commissionRates.agentId, agentId));
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
export async function setAgentCommission(
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
): Promise<void> {
  if (
    input.rateBps !== null &&
    (!Number.isInteger(input.rateBps) || input.rateBps < 0 || input.rateBps > 5000)
  ) {
    throw new Refusal('Commission must be between 0% and 50%.');
  }
  await inTransaction(db, async (tx) => {
    const agent = await first(
      tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.agentId), eq(users.role, 'agent'))),
    );
    if (!agent) throw new Refusal('No such agent.');
    const match = and(
      eq(commissionRates.agentId, input.agentId),
      eq(commissionRates.currency, input.currency),
      eq(commissionRates.network, input.network),
      eq(commissionRates.type, input.type),
    );
    const before = await first(tx.select().from(commissionRates).where(match));
    if (input.rateBps === null) await tx.delete(commissionRates).where(match);
    else if (before) await tx.update(commissionRates).set({ rateBps: input.rateBps }).where(match);
    else await tx.insert(commissionRates).values({ ...input, rateBps: input.rateBps });
    await recordAudit(
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
