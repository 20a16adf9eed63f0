import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupName, pruneBackups, type BackupFile } from './files';

// Copy every page in one step of SQLite's backup API: the step reads one snapshot (in WAL mode a
// reader, so sales keep committing meanwhile), and never restarts. Copied in small steps, a write from
// another process (a separate worker, `npm run backup` beside the portal) would restart the copy,
// possibly forever under steady sales.
const ALL_PAGES = 0x7fffffff;

/** Checks a fresh copy and makes it one self-contained file (no -wal beside it). */
function sealCopy(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's quick_check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface MadeBackup extends BackupFile {
  durationMs: number;
  pruned: string[];
}

/**
 * An online, consistent copy of the open database into `dir`, then prunes to the newest `keep`.
 * The copy is written under a hidden name and renamed only once complete and checked, so a crash
 * mid-way never leaves something that looks like a backup.
 */
export async function makeBackup(client: Database.Database, dir: string, keep: number, now: () => number = Date.now): Promise<MadeBackup> {
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const at = now();
  const name = backupName(at);
  const final = path.join(dir, name);
  const partial = path.join(dir, `.${name}.partial`);
  try {
    await client.backup(partial, { progress: () => ALL_PAGES });
    sealCopy(partial);
    fs.renameSync(partial, final);
    syncDir(dir);
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(leftover, { force: true });
    throw error;
  }
  const pruned = pruneBackups(dir, keep);
  return { name, path: final, at, sizeBytes: fs.statSync(final).size, durationMs: Math.round(performance.now() - started), pruned };
}
