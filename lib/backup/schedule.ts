import type { Db } from '@/db';
import type { BackupConfig } from './config';
import { listBackups } from './files';
import { makeBackup, PORTAL_STEP_PAGES } from './make';
import { sqliteFile } from '@/db/client';

// Not at the very start: let the portal finish starting (catalogue sync, first requests) first.
const FIRST_RUN_DELAY_MS = 15_000;

/**
 * The portal's own backups: the first one interval after the newest in the folder (so a restart does
 * not pile up copies), then every interval. Failures are logged; the dashboard's "backup late" alert is
 * what a human sees. Returns a stop function. SQLite only: these are copies of the database file.
 */
export function startBackupSchedule(
  db: Db,
  config: BackupConfig,
  log: (line: string) => void = console.log,
): () => void {
  if (db.engine === 'postgres') {
    log(
      '[backup] no scheduled backups on PostgreSQL: the server is backed up with pg_dump or point-in-time recovery (README)',
    );
    return () => {};
  }
  let running = false;
  let every: NodeJS.Timeout | undefined;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const made = await makeBackup(sqliteFile(db), config.dir, config.keep, {
        stepPages: PORTAL_STEP_PAGES,
      });
      log(
        `[backup] ${made.name}: ${made.sizeBytes} bytes in ${made.durationMs} ms${made.pruned.length ? `, pruned ${made.pruned.length}` : ''}`,
      );
    } catch (error) {
      console.error('[backup] failed', error);
    } finally {
      running = false;
    }
  };
  const newest = listBackups(config.dir)[0];
  const firstIn = Math.max(
    FIRST_RUN_DELAY_MS,
    newest ? newest.at + config.intervalMs - Date.now() : 0,
  );
  const first = setTimeout(() => {
    void run();
    every = setInterval(() => void run(), config.intervalMs);
    every.unref();
  }, firstIn);
  first.unref();
  return () => {
    clearTimeout(first);
    if (every) clearInterval(every);
  };
}
