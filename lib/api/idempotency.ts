import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { apiIdempotency } from '@/db/schema';
import { first } from '@/db/query';

export type Claim =
  | { kind: 'claimed' }
  /** Claimed before and not answered yet: still running, or it died before answering. */
  | { kind: 'unanswered' }
  | { kind: 'answered'; statusCode: number; body: string }
  | { kind: 'reused' };

/** The body as parsed (defaults applied, keys sorted): the same request always hashes the same. */
export function bodyHash(parsed: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(parsed)
      .sort()
      .map((key) => [key, parsed[key] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** Claims the key for this body with one insert (the unique index decides), or says how it was used. */
export async function claimIdempotencyKey(
  db: Db,
  agentId: number,
  key: string,
  hash: string,
  now: number,
): Promise<Claim> {
  const inserted = await first(
    db
      .insert(apiIdempotency)
      .values({ agentId, key, bodyHash: hash, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: apiIdempotency.id }),
  );
  if (inserted) return { kind: 'claimed' };
  const row = await first(
    db
      .select()
      .from(apiIdempotency)
      .where(and(eq(apiIdempotency.agentId, agentId), eq(apiIdempotency.key, key))),
  );
  if (!row) return await claimIdempotencyKey(db, agentId, key, hash, now); // released in between: claim again
  if (row.bodyHash !== hash) return { kind: 'reused' };
  if (row.statusCode === null || row.responseBody === null) return { kind: 'unanswered' };
  return { kind: 'answered', statusCode: row.statusCode, body: row.responseBody };
}

/**
 * Keeps the first answer given for the key; returns the answer to give, which is that first one when
 * two requests with the same key raced, so both answer the same.
 */
export async function recordAnswer(
  db: Db,
  agentId: number,
  key: string,
  purchaseId: number,
  statusCode: number,
  body: string,
) {
  await db
    .update(apiIdempotency)
    .set({ purchaseId, statusCode, responseBody: body })
    .where(
      and(
        eq(apiIdempotency.agentId, agentId),
        eq(apiIdempotency.key, key),
        isNull(apiIdempotency.statusCode),
      ),
    );
  const row = (await first(
    db
      .select()
      .from(apiIdempotency)
      .where(and(eq(apiIdempotency.agentId, agentId), eq(apiIdempotency.key, key))),
  ))!;
  return { statusCode: row.statusCode!, body: row.responseBody! };
}

/** A refused sale wrote nothing: the key is free again, so the client may fix the request and retry with it. */
export async function releaseIdempotencyKey(db: Db, agentId: number, key: string): Promise<void> {
  await db
    .delete(apiIdempotency)
    .where(
      and(
        eq(apiIdempotency.agentId, agentId),
        eq(apiIdempotency.key, key),
        isNull(apiIdempotency.statusCode),
      ),
    );
}
