import { and, desc, eq, or, sql } from 'drizzle-orm';
import { containsText } from '@/lib/text-search';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { first } from '@/db/query';

export async function getUser(db: Db, id: number) {
  return await first(db.select().from(users).where(eq(users.id, id)));
}

/** Agents with their NGN and INR balances, searchable by name or email. */
export async function listAgents(db: Db, search?: string) {
  const term = search?.trim();
  return await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      maxSaleMinor: users.maxSaleMinor,
      dailyLimitMinor: users.dailyLimitMinor,
      ngn: sql<
        number | null
      >`(select balance from accounts a where a.user_id = ${users.id} and a.currency = 'NGN' and a.kind = 'wallet')`,
      inr: sql<
        number | null
      >`(select balance from accounts a where a.user_id = ${users.id} and a.currency = 'INR' and a.kind = 'wallet')`,
    })
    .from(users)
    .where(
      and(
        eq(users.role, 'agent'),
        term ? or(containsText(users.name, term), containsText(users.email, term)) : undefined,
      ),
    )
    .orderBy(desc(users.createdAt));
}
