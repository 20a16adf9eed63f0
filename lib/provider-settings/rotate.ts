import { eq, and } from 'drizzle-orm';
import type { Db } from '@/db';
import { providerCredentials } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { recordAudit, SYSTEM_ACTOR } from '@/lib/audit/record';
import { decryptCredential, encryptCredential } from './crypto';

export interface CredentialKeys {
  current: string;
  // The key being retired: still opens what it sealed until the rotation has re-sealed everything.
  previous?: string;
}

function opens(key: string, provider: string, field: string, sealed: string): string | null {
  try {
    return decryptCredential(key, provider, field, sealed);
  } catch {
    return null;
  }
}

/** Opens a stored credential with the current key, else with the one being retired. */
export function openCredential(
  keys: CredentialKeys,
  provider: string,
  field: string,
  sealed: string,
): string {
  if (keys.previous === undefined) return decryptCredential(keys.current, provider, field, sealed);
  const plaintext =
    opens(keys.current, provider, field, sealed) ?? opens(keys.previous, provider, field, sealed);
  if (plaintext === null)
    throw new Error(
      `The ${provider} ${field} credential opens with neither CREDENTIALS_KEY nor CREDENTIALS_KEY_PREVIOUS`,
    );
  return plaintext;
}

export interface RotationResult {
  resealed: number;
  alreadyCurrent: number;
}

/**
 * Re-seals every stored credential still under the previous key with the current one, in one
 * IMMEDIATE transaction with its audit row: all of them or none. A credential that opens with
 * neither key stops the rotation before anything is written. Running it again changes nothing.
 */
export async function rotateCredentialsKey(
  db: Db,
  keys: Required<CredentialKeys>,
  now = Date.now(),
): Promise<RotationResult> {
  if (keys.current === keys.previous)
    throw new Error('CREDENTIALS_KEY and CREDENTIALS_KEY_PREVIOUS are the same key');
  return await inTransaction(db, async (tx) => {
    const rows = await tx.select().from(providerCredentials);
    const stale: { provider: string; field: string; plaintext: string }[] = [];
    let alreadyCurrent = 0;
    for (const row of rows) {
      if (opens(keys.current, row.provider, row.field, row.ciphertext) !== null) {
        alreadyCurrent += 1;
        continue;
      }
      const plaintext = opens(keys.previous, row.provider, row.field, row.ciphertext);
      if (plaintext === null)
        throw new Error(
          `The ${row.provider} ${row.field} credential opens with neither key: nothing was changed`,
        );
      stale.push({ provider: row.provider, field: row.field, plaintext });
    }
    for (const { provider, field, plaintext } of stale) {
      await tx
        .update(providerCredentials)
        .set({ ciphertext: encryptCredential(keys.current, provider, field, plaintext) })
        .where(
          and(eq(providerCredentials.provider, provider), eq(providerCredentials.field, field)),
        );
    }
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'provider.credentials_key_rotated',
        detail: { resealed: stale.length, alreadyCurrent },
      },
      now,
    );
    return { resealed: stale.length, alreadyCurrent };
  });
}
