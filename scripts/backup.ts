/**
 * `npm run backup`: one online, consistent copy of the database into the backup folder, safe while the
 * portal sells (SQLite's backup API), then prunes to BACKUP_KEEP. For cron when BACKUP_SCHEDULE=off.
 */
import './load-env-file';
import { openDatabase, sqliteFile } from '@/db/client';
import { refuseOnPostgres } from '@/db/database-url';
import { closeDatabase } from '@/db/query';
import { backupConfig } from '@/lib/backup/config';
import { makeBackup } from '@/lib/backup/make';
import { env } from '@/lib/env';

async function main() {
  refuseOnPostgres('npm run backup', 'back PostgreSQL up with pg_dump or PITR (README).');
  const config = backupConfig();
  const db = openDatabase(env.DATABASE_PATH, { migrate: false });
  try {
    const made = await makeBackup(sqliteFile(db), config.dir, config.keep);
    console.log(`[backup] ${made.path}: ${made.sizeBytes} bytes in ${made.durationMs} ms`);
    if (made.pruned.length > 0)
      console.log(`[backup] pruned ${made.pruned.length} older than the newest ${config.keep}`);
  } finally {
    await closeDatabase(db);
  }
}

main().catch((error) => {
  console.error(`[backup] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
