import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { providerCredentials, providerSettings, users } from '@/db/schema';
import type { ProviderId } from '@/lib/providers/registry';
import { credentialFields } from './fields';
import { first } from '@/db/query';

export type ProviderSettingsRow = typeof providerSettings.$inferSelect;

export async function listProviderSettings(db: Db): Promise<ProviderSettingsRow[]> {
  return await db.select().from(providerSettings).orderBy(asc(providerSettings.id));
}

export async function getProviderSettings(
  db: Db,
  id: ProviderId,
): Promise<ProviderSettingsRow | undefined> {
  return await first(db.select().from(providerSettings).where(eq(providerSettings.id, id)));
}

export interface CredentialStatus {
  field: string;
  setAt: number | null;
  setBy: string | null;
}

/** What the page may know about a secret: whether it is set, when and by whom. Never the value. */
export async function listCredentialStatus(db: Db, id: ProviderId): Promise<CredentialStatus[]> {
  const rows = await db
    .select({
      field: providerCredentials.field,
      setAt: providerCredentials.setAt,
      setBy: users.email,
    })
    .from(providerCredentials)
    .leftJoin(users, eq(users.id, providerCredentials.setBy))
    .where(eq(providerCredentials.provider, id));
  return credentialFields(id).map((field) => {
    const row = rows.find((r) => r.field === field);
    return { field, setAt: row?.setAt ?? null, setBy: row ? (row.setBy ?? 'system (seed)') : null };
  });
}

export function isLowBalance(
  row: Pick<ProviderSettingsRow, 'lastBalanceMinor' | 'lowBalanceMinor'>,
): boolean {
  return (
    row.lastBalanceMinor !== null &&
    row.lowBalanceMinor > 0 &&
    row.lastBalanceMinor < row.lowBalanceMinor
  );
}
