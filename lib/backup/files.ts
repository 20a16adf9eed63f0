import fs from 'node:fs';
import path from 'node:path';
import { HOUR_MS } from '@/lib/time/units';

/** One finished backup in the folder. Unfinished copies carry a leading dot and never match. */
export interface BackupFile {
  name: string;
  path: string;
  /** When the copy was taken (from its name, so copying the folder elsewhere keeps it). */
  at: number;
  sizeBytes: number;
}

const NAME = /^portal-(\d{8})T(\d{6})(\d{3})Z\.db$/;

/** portal-20261202T040632123Z.db: sorts by time, readable, and says what it is. */
export function backupName(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-12-02T04:06:32.123Z
  return `portal-${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}Z.db`;
}

export function parseBackupName(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [d, t, ms] = [m[1]!, m[2]!, m[3]!];
  const at = Date.parse(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`,
  );
  return Number.isNaN(at) ? null : at;
}

/** The finished backups in `dir`, newest first; an absent folder has none. */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const at = parseBackupName(name);
    if (at === null) continue;
    const file = path.join(dir, name);
    out.push({ name, path: file, at, sizeBytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => b.at - a.at);
}

// An unfinished copy older than this was left by a process that died mid-backup (none takes a day).
const STALE_PARTIAL_MS = 24 * HOUR_MS;

/** Deletes all but the newest `keep` backups, and copies a crash left unfinished; returns the backups deleted. */
export function pruneBackups(dir: string, keep: number, now = Date.now()): string[] {
  const old = listBackups(dir).slice(keep);
  for (const b of old) fs.rmSync(b.path, { force: true });
  for (const name of fs.readdirSync(dir)) {
    if (!/^\.portal-.*\.partial(-wal|-shm|-journal)?$/.test(name)) continue;
    const file = path.join(dir, name);
    if (now - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
  }
  return old.map((b) => b.name);
}
