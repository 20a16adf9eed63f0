import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { beneficiaries } from '@/db/schema';
import type { Currency } from '@/lib/money';

export type Beneficiary = typeof beneficiaries.$inferSelect;

/** The agent's own numbers only, most recently used first. */
export function listBeneficiaries(db: Db, agentId: number, currency?: Currency, limit = 200): Beneficiary[] {
  return db
    .select()
    .from(beneficiaries)
    .where(and(eq(beneficiaries.agentId, agentId), currency ? eq(beneficiaries.currency, currency) : undefined))
    .orderBy(desc(beneficiaries.lastUsedAt))
    .limit(limit)
    .all();
}
