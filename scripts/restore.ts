/**
 * `npm run restore FILE`: puts a backup in place of the database, into a stopped portal only, and only
 * when the copy passes SQLite's integrity check and the money invariants I1–I9 and E1. The database it
 * replaces is kept beside it (`<database>.before-restore-<time>`).
 */
import './load-env-file';
import { refuseOnPostgres } from '@/db/database-url';
import { somethingListens, restoreBackup, RestoreRefused } from '@/lib/backup/restore';
import { env } from '@/lib/env';

async function main() {
  refuseOnPostgres('npm run restore', 'restore PostgreSQL with pg_restore or PITR (README).');
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error(
      'Usage: npm run restore <backup file>   (see `ls` of the backup folder; the newest is last by name)',
    );
    process.exit(2);
  }
  if (await somethingListens(env.PORTAL_URL)) {
    throw new RestoreRefused(
      `Something answers on ${env.PORTAL_URL}: stop the portal (and the worker) before restoring.`,
    );
  }
  const result = await restoreBackup(file, env.DATABASE_PATH);
  for (const check of result.checks) console.log(`[restore] ${check.id} holds: ${check.title}`);
  console.log(`[restore] ${file} restored as ${result.databasePath}`);
  if (result.previousKeptAs)
    console.log(`[restore] the previous database is kept as ${result.previousKeptAs}`);
  console.log('[restore] start the portal again (npm start); it applies any newer migrations.');
}

main().catch((error) => {
  if (error instanceof RestoreRefused) {
    console.error(`[restore] refused: ${error.message}`);
    for (const v of error.violations.slice(0, 50)) console.error(`  ${v}`);
    if (error.violations.length > 50) console.error(`  … and ${error.violations.length - 50} more`);
  } else {
    console.error(`[restore] failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
