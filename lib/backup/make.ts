import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupName, pruneBackups, type BackupFile } from './files';

// SQLite's backup API copies pages in steps. Within one step it reads one snapshot (in WAL mode a
// reader, so sales keep committing meanwhile). Between steps, a write through the same connection is
// carried into the copy, but a write from another connection (a separate worker process, the portal
// while `npm run backup` runs) restarts the copy from the first page.
export const ALL_PAGES = 0x7fffffff;
/** About 8 MB of 4 KB pages: one step blocks the portal's event loop for a fraction of a second. */
export const PORTAL_STEP_PAGES = 2048;
const RESTARTS_BEFORE_ONE_STEP = 3;

/**
 * Steps of `stepPages`, so a backup inside the portal does not stall its requests for the whole copy;
 * after a few restarts (another process keeps writing) the rest goes in one step, which always ends.
 */
function stepping(stepPages: number) {
  let lastRemaining = Infinity;
  let restarts = 0;
  return ({ remainingPages }: { totalPages: number; remainingPages: number }) => {
    if (remainingPages > lastRemaining) restarts += 1;
    lastRemaining = remainingPages;
    return restarts >= RESTARTS_BEFORE_ONE_STEP ? ALL_PAGES : stepPages;
  };
}

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
export async function makeBackup(
  client: Database.Database,
  dir: string,
  keep: number,
  { now = Date.now, stepPages = ALL_PAGES }: { now?: () => number; stepPages?: number } = {},
): Promise<MadeBackup> {
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const at = now();
  const name = backupName(at);
  const final = path.join(dir, name);
  const partial = path.join(dir, `.${name}.partial`);
  try {
    await client.backup(partial, { progress: stepping(stepPages) });
    sealCopy(partial);
    fs.renameSync(partial, final);
    syncDir(dir);
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
      fs.rmSync(leftover, { force: true });
    throw error;
  }
  const pruned = pruneBackups(dir, keep);
  return {
    name,
    path: final,
    at,
    sizeBytes: fs.statSync(final).size,
    durationMs: Math.round(performance.now() - started),
    pruned,
  };
}
