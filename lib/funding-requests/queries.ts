import { and, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { fundingRequests, users } from '@/db/schema';
import { first, rows } from '@/db/query';

export type FundingStatus = 'pending' | 'approved' | 'rejected';

const decider = alias(users, 'decider');

/** What an agent may see of a request; the admin view adds who asked and who decided. */
const requestColumns = {
  id: fundingRequests.id,
  currency: fundingRequests.currency,
  amount: fundingRequests.amount,
  bankReference: fundingRequests.bankReference,
  note: fundingRequests.note,
  status: fundingRequests.status,
  decidedAt: fundingRequests.decidedAt,
  decisionReason: fundingRequests.decisionReason,
  createdAt: fundingRequests.createdAt,
};

/** Admin view: every agent's requests, newest first, with who decided. */
export async function listFundingRequests(
  db: Db,
  filter: { status?: FundingStatus; agentId?: number } = {},
  page = 1,
  pageSize = 25,
) {
  const where = and(
    filter.status ? eq(fundingRequests.status, filter.status) : undefined,
    filter.agentId ? eq(fundingRequests.agentId, filter.agentId) : undefined,
  );
  const rows = await db
    .select({
      ...requestColumns,
      agentId: fundingRequests.agentId,
      agentName: users.name,
      agentEmail: users.email,
      decidedBy: decider.email,
    })
    .from(fundingRequests)
    .innerJoin(users, eq(users.id, fundingRequests.agentId))
    .leftJoin(decider, eq(decider.id, fundingRequests.decidedBy))
    .where(where)
    .orderBy(desc(fundingRequests.createdAt), desc(fundingRequests.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = (await first(db.select({ n: count() }).from(fundingRequests).where(where)))?.n ?? 0;
  return { rows, total, page, pageSize };
}

/** The agent's own requests only: filtered by agent id in SQL. */
export async function listAgentFundingRequests(db: Db, agentId: number, limit = 50) {
  return await db
    .select(requestColumns)
    .from(fundingRequests)
    .where(eq(fundingRequests.agentId, agentId))
    .orderBy(desc(fundingRequests.createdAt), desc(fundingRequests.id))
    .limit(limit);
}

export async function countPendingFundingRequests(db: Db): Promise<number> {
  return (
    (
      await first(
        rows<{ n: number }>(
          db,
          sql`select count(*) as n from funding_requests where status = 'pending'`,
        ),
      )
    )?.n ?? 0
  );
}

/** One request's amount and currency (the admin's step-up check reads it before approving). */
export async function getFundingRequestAmount(db: Db, id: number) {
  return await first(
    db
      .select({ amount: fundingRequests.amount, currency: fundingRequests.currency })
      .from(fundingRequests)
      .where(eq(fundingRequests.id, id)),
  );
}
