import { and, desc, eq, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { beneficiaries } from '@/db/schema';
import type { Currency } from '@/lib/money';
import { containsText } from '@/lib/text-search';

export type Beneficiary = typeof beneficiaries.$inferSelect;

/** The agent's own numbers only, most recently used first. */
export async function listBeneficiaries(
  db: Db,
  agentId: number,
  currency?: Currency,
  limit = 200,
): Promise<Beneficiary[]> {
  return await db
    .select()
    .from(beneficiaries)
    .where(
      and(
        eq(beneficiaries.agentId, agentId),
        currency ? eq(beneficiaries.currency, currency) : undefined,
      ),
    )
    .orderBy(desc(beneficiaries.lastUsedAt))
    .limit(limit);
}

/** The agent's numbers for the /beneficiaries page, optionally filtered by part of a number or name. */
export async function searchBeneficiaries(
  db: Db,
  agentId: number,
  search = '',
  limit = 200,
): Promise<Beneficiary[]> {
  const q = search.trim().replace(/\s+/g, ' ');
  const digits = q.replace(/\D/g, '');
  const filter = q
    ? or(
        containsText(beneficiaries.name, q),
        digits ? containsText(beneficiaries.phone, digits) : undefined,
      )
    : undefined;
  return await db
    .select()
    .from(beneficiaries)
    .where(and(eq(beneficiaries.agentId, agentId), filter))
    .orderBy(desc(beneficiaries.lastUsedAt))
    .limit(limit);
}
