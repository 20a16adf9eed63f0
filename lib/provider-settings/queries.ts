import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { providerCredentials, providerSettings, users } from '@/db/schema';
import type { ProviderId } from '@/lib/providers/registry';
import { credentialFields } from './fields';

export type ProviderSettingsRow = typeof providerSettings.$inferSelect;

export function listProviderSettings(db: Db): ProviderSettingsRow[] {
  return db.select().from(providerSettings).orderBy(asc(providerSettings.id)).all();
}

export function getProviderSettings(db: Db, id: ProviderId): ProviderSettingsRow | undefined {
  return db.select().from(providerSettings).where(eq(providerSettings.id, id)).get();
}

export interface CredentialStatus {
  field: string;
  setAt: number | null;
  setBy: string | null;
}

/** What the page may know about a secret: whether it is set, when and by whom. Never the value. */
export function listCredentialStatus(db: Db, id: ProviderId): CredentialStatus[] {
  const rows = db
    .select({
      field: providerCredentials.field,
      setAt: providerCredentials.setAt,
      setBy: users.email,
    })
    .from(providerCredentials)
    .leftJoin(users, eq(users.id, providerCredentials.setBy))
    .where(eq(providerCredentials.provider, id))
    .all();
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
