import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { providerCredentials, providerSettings } from '@/db/schema';
import { env } from '@/lib/env';
import type { ProviderConfig } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';
import { openCredential } from './rotate';
import { first } from '@/db/query';

export interface ProviderRuntime {
  id: ProviderId;
  enabled: boolean;
  paused: boolean;
  config: ProviderConfig;
}

/** Decrypts on the server only; the result never goes to a browser. */
export async function loadProviderRuntime(db: Db, id: ProviderId): Promise<ProviderRuntime | null> {
  const row = await first(db.select().from(providerSettings).where(eq(providerSettings.id, id)));
  if (!row) return null;
  const credentials: Record<string, string> = {};
  for (const c of await db
    .select()
    .from(providerCredentials)
    .where(eq(providerCredentials.provider, id))) {
    credentials[c.field] = openCredential(
      { current: env.CREDENTIALS_KEY, previous: env.CREDENTIALS_KEY_PREVIOUS },
      id,
      c.field,
      c.ciphertext,
    );
  }
  return {
    id,
    enabled: row.enabled,
    paused: row.pausedAt !== null,
    config: {
      baseUrl: row.baseUrl,
      timeoutMs: row.timeoutMs,
      credentials,
      paths: row.paths ?? undefined,
      options: row.options ?? undefined,
      tls: row.caCertPem
        ? { caPem: row.caCertPem, serverName: row.tlsServerName ?? undefined }
        : undefined,
    },
  };
}
