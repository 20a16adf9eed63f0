import type { Db } from '@/db';
import { written } from '@/db/query';
import { providerCredentials, providerSettings } from '@/db/schema';
import { env } from '@/lib/env';
import { defaultProviderConfig, PROVIDER_IDS } from '@/lib/providers/registry';
import { encryptCredential } from './crypto';

/**
 * First start only: every provider points at the simulator. Only a demo gets the simulator's demo
 * credentials: a real deployment must never sell through published keys, so its admin sets each
 * provider's base URL and credentials (a provider without credentials is not configured).
 */
export async function seedProviderSettings(
  db: Db,
  simulatorUrl: string,
  now = Date.now(),
  { demoCredentials = true } = {},
): Promise<void> {
  for (const id of PROVIDER_IDS) {
    const config = defaultProviderConfig(id, simulatorUrl);
    const inserted = await written(
      db
        .insert(providerSettings)
        .values({
          id,
          baseUrl: config.baseUrl,
          timeoutMs: env.PROVIDER_TIMEOUT_MS ?? config.timeoutMs,
          paths: config.paths,
          options: config.options,
          updatedAt: now,
        })
        .onConflictDoNothing(),
    );
    if (inserted === 0 || !demoCredentials) continue;
    for (const [field, value] of Object.entries(config.credentials)) {
      await db
        .insert(providerCredentials)
        .values({
          provider: id,
          field,
          ciphertext: encryptCredential(env.CREDENTIALS_KEY, id, field, value),
          setAt: now,
        })
        .onConflictDoNothing();
    }
  }
}
