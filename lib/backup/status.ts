import { listBackups, type BackupFile } from './files';

/** Late once the newest backup is older than one and a half intervals (one missed run, with slack). */
export const LATE_AFTER_INTERVALS = 1.5;

export interface BackupStatus {
  last: BackupFile | null;
  late: boolean;
  lateAfterMs: number;
}

export function backupStatus(dir: string, intervalMs: number, now = Date.now()): BackupStatus {
  const last = listBackups(dir)[0] ?? null;
  const lateAfterMs = Math.round(intervalMs * LATE_AFTER_INTERVALS);
  return { last, late: last === null || now - last.at > lateAfterMs, lateAfterMs };
}
