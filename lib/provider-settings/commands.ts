import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { providerCredentials, providerSettings } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { Refusal } from '@/lib/errors';
import type { ProviderId } from '@/lib/providers/registry';
import { encryptCredential } from './crypto';
import { credentialFields } from './fields';
import { recordBalanceSnapshot } from './snapshots';
import { first, rows } from '@/db/query';

export interface ProviderSettingsInput {
  enabled: boolean;
  baseUrl: string;
  timeoutMs: number;
  paths: Record<string, string>;
  options: Record<string, string>;
  lowBalanceMinor: number;
}

/** Saves the non-secret settings; the audit row keeps what changed, old and new. */
export async function updateProviderSettings(
  db: Db,
  actor: Actor,
  id: ProviderId,
  input: ProviderSettingsInput,
  now = Date.now(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await first(
      tx.select().from(providerSettings).where(eq(providerSettings.id, id)),
    );
    if (!before) throw new Refusal('No such provider.');
    await tx
      .update(providerSettings)
      .set({ ...input, updatedAt: now })
      .where(eq(providerSettings.id, id));
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(input) as (keyof ProviderSettingsInput)[]) {
      const from = before[key] ?? (key === 'paths' || key === 'options' ? {} : null);
      if (JSON.stringify(from) !== JSON.stringify(input[key]))
        changes[key] = { from, to: input[key] };
    }
    await recordAudit(
      tx,
      actor,
      { action: 'provider.settings', targetType: 'provider', targetId: id, detail: { changes } },
      now,
    );
  });
}

/**
 * Write-only: the value is sealed with AES-256-GCM bound to provider+field before it touches the
 * database, and the audit row records that it changed, never what it is.
 */
export async function setProviderCredential(
  db: Db,
  actor: Actor,
  id: ProviderId,
  field: string,
  value: string,
  now = Date.now(),
  key = env.CREDENTIALS_KEY,
): Promise<void> {
  if (!credentialFields(id).includes(field))
    throw new Refusal(`${id} has no credential called ${field}.`);
  if (!value) throw new Refusal('Enter the new value.');
  const ciphertext = encryptCredential(key, id, field, value);
  await inTransaction(db, async (tx) => {
    const existed =
      (
        await first(
          rows<{ n: number }>(
            tx,
            sql`select count(*) as n from provider_credentials where provider = ${id} and field = ${field}`,
          ),
        )
      )?.n === 1;
    await tx
      .insert(providerCredentials)
      .values({ provider: id, field, ciphertext, setAt: now, setBy: actor.userId })
      .onConflictDoUpdate({
        target: [providerCredentials.provider, providerCredentials.field],
        set: { ciphertext, setAt: now, setBy: actor.userId },
      });
    await recordAudit(
      tx,
      actor,
      {
        action: 'provider.credential_set',
        targetType: 'provider',
        targetId: id,
        detail: { field, replaced: existed },
      },
      now,
    );
  });
}

/** An admin lifts an auto-pause; the provider is routed to again at once. */
export async function resumeProvider(
  db: Db,
  actor: Actor,
  id: ProviderId,
  now = Date.now(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await first(tx.select().from(providerSettings).where(eq(providerSettings.id, id)));
    if (!row) throw new Refusal('No such provider.');
    if (row.pausedAt === null) throw new Refusal('This provider is not paused.');
    await tx
      .update(providerSettings)
      .set({ pausedAt: null, pausedReason: null, updatedAt: now })
      .where(eq(providerSettings.id, id));
    await recordAudit(
      tx,
      actor,
      {
        action: 'provider.resume',
        targetType: 'provider',
        targetId: id,
        detail: { wasPausedAt: row.pausedAt, reason: row.pausedReason },
      },
      now,
    );
  });
}

/** Stores the latest float reading and appends it to the snapshot history used by reconciliation. */
export async function recordProviderBalance(
  db: Db,
  id: ProviderId,
  amountMinor: number,
  now = Date.now(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    // A slow answer that arrives after a newer one must not overwrite it.
    await tx
      .update(providerSettings)
      .set({ lastBalanceMinor: amountMinor, lastBalanceAt: now })
      .where(
        and(
          eq(providerSettings.id, id),
          or(isNull(providerSettings.lastBalanceAt), lte(providerSettings.lastBalanceAt, now)),
        ),
      );
    await recordBalanceSnapshot(tx, id, amountMinor, now);
  });
}
