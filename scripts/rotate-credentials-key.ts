/**
 * `npm run keys:rotate-credentials`: re-seals every stored provider credential with CREDENTIALS_KEY.
 * 1. Set CREDENTIALS_KEY to the new key and CREDENTIALS_KEY_PREVIOUS to the old one, and restart the
 *    portal: it opens credentials with either key, and seals new ones with the new key.
 * 2. Run this command with the same two variables (one transaction: all credentials or none).
 * 3. Remove CREDENTIALS_KEY_PREVIOUS and restart.
 */
import './load-env-file';
import { openMigrated } from '@/db';
import { closeDatabase } from '@/db/query';
import { env } from '@/lib/env';
import { rotateCredentialsKey } from '@/lib/provider-settings/rotate';

if (!env.CREDENTIALS_KEY_PREVIOUS) {
  console.error(
    '[keys] set CREDENTIALS_KEY_PREVIOUS to the key being retired and CREDENTIALS_KEY to the new one (openssl rand -base64 32)',
  );
  process.exit(2);
}
const { db } = await openMigrated();
try {
  const result = await rotateCredentialsKey(db, {
    current: env.CREDENTIALS_KEY,
    previous: env.CREDENTIALS_KEY_PREVIOUS,
  });
  console.log(
    `[keys] ${result.resealed} credentials re-sealed with the new key, ${result.alreadyCurrent} already under it; CREDENTIALS_KEY_PREVIOUS can now be removed`,
  );
} catch (error) {
  console.error(`[keys] ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase(db);
}
