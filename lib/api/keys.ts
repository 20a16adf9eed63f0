import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { apiKeys, users, type ApiScope } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { LedgerError } from '@/lib/ledger/errors';
import { first, one } from '@/db/query';

export type ApiKey = typeof apiKeys.$inferSelect;
export const API_SCOPES: readonly ApiScope[] = ['read', 'sell'];

// "vp_live_" + 32 base64url characters (192 random bits); the prefix shown is the first 12 characters.
const KEY_PREFIX = 'vp_live_';
const SHOWN_CHARACTERS = 12;

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface NewApiKey {
  name: string;
  scopes: ApiScope[];
  allowedIps: string[];
}

/** The key itself is returned once, here; only its hash and prefix are stored. */
export async function createApiKey(
  db: Db,
  actor: Actor,
  agentId: number,
  input: NewApiKey,
  now = Date.now(),
) {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const prefix = key.slice(0, SHOWN_CHARACTERS);
  return await inTransaction(db, async (tx) => {
    const agent = await first(
      tx.select({ role: users.role }).from(users).where(eq(users.id, agentId)),
    );
    if (agent?.role !== 'agent')
      throw new LedgerError('Only an agent can own an API key.', 'INVALID');
    const row = await one(
      tx
        .insert(apiKeys)
        .values({
          agentId,
          name: input.name,
          prefix,
          keyHash: hashApiKey(key),
          scopes: input.scopes,
          allowedIps: input.allowedIps.length > 0 ? input.allowedIps : null,
          createdAt: now,
        })
        .returning(),
    );
    await recordAudit(
      tx,
      actor,
      {
        action: 'api_key.create',
        targetType: 'api_key',
        targetId: row.id,
        detail: {
          agentId,
          name: input.name,
          prefix,
          scopes: input.scopes,
          allowedIps: input.allowedIps,
        },
      },
      now,
    );
    return { key, row };
  });
}

/**
 * Revokes one key. An agent passes its own id as `ownerId` (another agent's key answers "not found");
 * an admin passes null and may revoke any key. Audited either way.
 */
export async function revokeApiKey(
  db: Db,
  actor: Actor,
  keyId: number,
  ownerId: number | null,
  now = Date.now(),
): Promise<ApiKey> {
  return await inTransaction(db, async (tx) => {
    const key = await first(
      tx
        .select()
        .from(apiKeys)
        .where(
          and(eq(apiKeys.id, keyId), ownerId === null ? undefined : eq(apiKeys.agentId, ownerId)),
        ),
    );
    if (!key) throw new LedgerError('That key does not exist.', 'NOT_FOUND');
    if (key.revokedAt !== null) return key;
    const revoked = (await first(
      tx
        .update(apiKeys)
        .set({ revokedAt: now, revokedBy: actor.userId })
        .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
        .returning(),
    ))!;
    await recordAudit(
      tx,
      actor,
      {
        action: 'api_key.revoke',
        targetType: 'api_key',
        targetId: keyId,
        detail: { agentId: key.agentId, prefix: key.prefix },
      },
      now,
    );
    return revoked;
  });
}

/** Per-key limits (null: the portal's defaults). For operators and the benchmark; audited. */
export async function setApiKeyRateLimits(
  db: Db,
  actor: Actor,
  keyId: number,
  limits: { saleRatePerSecond: number | null; readRatePerSecond: number | null },
) {
  await inTransaction(db, async (tx) => {
    await tx.update(apiKeys).set(limits).where(eq(apiKeys.id, keyId));
    await recordAudit(tx, actor, {
      action: 'api_key.rate_limits',
      targetType: 'api_key',
      targetId: keyId,
      detail: limits,
    });
  });
}

const keyColumns = {
  id: apiKeys.id,
  agentId: apiKeys.agentId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  allowedIps: apiKeys.allowedIps,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  lastUsedIp: apiKeys.lastUsedIp,
  revokedAt: apiKeys.revokedAt,
};

export async function listApiKeysForAgent(db: Db, agentId: number) {
  return await db
    .select(keyColumns)
    .from(apiKeys)
    .where(eq(apiKeys.agentId, agentId))
    .orderBy(desc(apiKeys.id));
}

/** Every agent's keys, for the admin's page. */
export async function listAllApiKeys(db: Db) {
  return await db
    .select({
      ...keyColumns,
      agentEmail: users.email,
      agentName: users.name,
      agentStatus: users.status,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.agentId))
    .orderBy(desc(apiKeys.id));
}

export type ApiKeyListing = Awaited<ReturnType<typeof listApiKeysForAgent>>[number];

const p = sql.placeholder;
const keyByHash = prepared((db) =>
  db
    .select({ key: apiKeys, agentStatus: users.status, agentRole: users.role })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.agentId))
    .where(eq(apiKeys.keyHash, p('hash'))),
);

const touchKey = prepared((db) =>
  db
    .update(apiKeys)
    .set({ lastUsedAt: sql`${p('now')}`, lastUsedIp: sql`${p('ip')}` })
    .where(eq(apiKeys.id, p('id'))),
);

export async function findApiKey(db: Db, key: string) {
  return await keyByHash(db).get({ hash: hashApiKey(key) });
}

// Last use is kept to the minute: a busy key does not write its row on every request.
const TOUCH_EVERY_MS = 60_000;

export async function recordApiKeyUse(db: Db, key: ApiKey, ip: string, now: number): Promise<void> {
  if (key.lastUsedAt !== null && key.lastUsedIp === ip && now - key.lastUsedAt < TOUCH_EVERY_MS)
    return;
  await touchKey(db).run({ id: key.id, ip, now });
}
