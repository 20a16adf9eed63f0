import path from 'node:path';
import { env } from '@/lib/env';

export interface BackupConfig {
  dir: string;
  intervalMs: number;
  keep: number;
}

/** BACKUP_DIR, or `backups` beside the database file (so each database keeps its own). */
export function backupConfig(): BackupConfig {
  return {
    // A runtime folder, not a source: keeps the build from tracing the whole project into its output.
    dir: path.resolve(
      /*turbopackIgnore: true*/ env.BACKUP_DIR ??
        path.join(
          path.dirname(path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH)),
          'backups',
        ),
    ),
    intervalMs: env.BACKUP_INTERVAL_MS,
    keep: env.BACKUP_KEEP,
  };
}
