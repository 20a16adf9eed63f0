import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, sqliteFile } from '@/db/client';
import { checkInvariants, type InvariantResult } from '@/lib/ledger/invariants';
import { ALL_PAGES } from './make';

/** A restore that did not happen, and why; the live database is untouched. */
export class RestoreRefused extends Error {
  constructor(
    message: string,
    readonly violations: string[] = [],
  ) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

const SIDECARS = ['-wal', '-shm', '-journal'];

/**
 * True when something accepts connections on the portal's own address: the portal is (probably) up.
 * Only asked of a loopback address (the demo's 127.0.0.1:3000): a public PORTAL_URL is the reverse
 * proxy, which answers whether the portal runs or not. The database-open check below covers both.
 */
export function somethingListens(url: string, timeoutMs = 1_000): Promise<boolean> {
  const { hostname, port, protocol } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\./.test(host)))
    return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port || (protocol === 'https:' ? 443 : 80)) });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Takes the live database for ourselves, or refuses: leaving WAL mode needs every other connection
 * closed, so SQLITE_BUSY here means a portal, worker or script still has the file open. The returned
 * connection then holds an exclusive lock until closed, so nothing opens the file mid-swap.
 */
function takeLiveDatabase(file: string): Database.Database | null {
  if (!fs.existsSync(file)) return null;
  const live = new Database(file, { timeout: 0 });
  try {
    live.pragma('journal_mode = DELETE'); // also folds the WAL into the file we keep aside
    live.pragma('locking_mode = EXCLUSIVE');
    live.exec('BEGIN EXCLUSIVE');
    return live;
  } catch (error) {
    live.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new RestoreRefused(
        `${file} is open in another process (the portal, the worker or a script). Stop it first.`,
      );
    }
    throw error;
  }
}

function moveWithSidecars(from: string, to: string): void {
  fs.renameSync(from, to);
  for (const s of SIDECARS) if (fs.existsSync(from + s)) fs.renameSync(from + s, to + s);
}

function removeWithSidecars(file: string): void {
  for (const f of [file, ...SIDECARS.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

export interface RestoreResult {
  databasePath: string;
  /** Where the database that was live before now sits, or null when there was none. */
  previousKeptAs: string | null;
  checks: InvariantResult[];
}

/**
 * Restores `backupFile` as the database at `databasePath`, only if the copy passes SQLite's integrity
 * check and every money invariant (I1–I9, E1) after migrating it to this version's schema, and only
 * while no other process has the live database open. The live file is kept aside, never deleted.
 */
export async function restoreBackup(
  backupFile: string,
  databasePath: string,
  now = Date.now(),
): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile())
    throw new RestoreRefused(`${backupFile} is not a file.`);
  const target = path.resolve(databasePath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  const staging = path.join(path.dirname(target), `.restore-${stamp}.db`);
  let checks: InvariantResult[];
  try {
    // Through the backup API rather than a file copy: a copy taken with a -wal beside it comes out whole.
    let source: Database.Database;
    try {
      source = new Database(backupFile, { readonly: true, fileMustExist: true });
      source.pragma('schema_version'); // reads the header: a file that is not SQLite fails here
    } catch (error) {
      throw new RestoreRefused(
        `${backupFile} is not a SQLite database: ${(error as Error).message}`,
      );
    }
    try {
      await source.backup(staging, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = openDatabase(staging); // migrates to this version's schema, as a start would
    try {
      const integrity = sqliteFile(copy).pragma('integrity_check', { simple: true });
      if (integrity !== 'ok')
        throw new RestoreRefused(`The copy fails SQLite's integrity check: ${String(integrity)}`);
      checks = await checkInvariants(copy);
      const violations = checks.flatMap((c) => c.violations.map((v) => `${c.id}: ${v}`));
      if (violations.length > 0)
        throw new RestoreRefused(
          `The copy breaks ${new Set(violations.map((v) => v.split(':')[0])).size} invariant(s); nothing was restored.`,
          violations,
        );
      sqliteFile(copy).pragma('journal_mode = DELETE');
    } finally {
      sqliteFile(copy).close();
    }
  } catch (error) {
    removeWithSidecars(staging);
    throw error;
  }

  let live: Database.Database | null = null;
  let previousKeptAs: string | null = null;
  try {
    live = takeLiveDatabase(target);
    if (live) {
      previousKeptAs = `${target}.before-restore-${stamp}`;
      moveWithSidecars(target, previousKeptAs);
    }
    fs.renameSync(staging, target);
  } catch (error) {
    removeWithSidecars(staging);
    throw error;
  } finally {
    live?.close();
  }
  return { databasePath: target, previousKeptAs, checks };
}
