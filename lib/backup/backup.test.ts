// Backups taken while sales run, restored, and checked: the invariants hold on the restored copy and
// every sale committed before the backup began is in it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sqliteFile } from '@/db/client';
import { allViolations } from '@/lib/ledger/invariants';
import { startSale } from '@/lib/purchases/start-sale';
import { createWorld, type World } from '@/test/world';
import { backupName, listBackups, parseBackupName, pruneBackups } from './files';
import { makeBackup } from './make';
import { restoreBackup, RestoreRefused } from './restore';
import { backupStatus } from './status';

let world: World;
let tmp: string;
beforeAll(async () => {
  world = await createWorld({ saleTimeoutMs: 2_000 });
  await world.fund(500_000_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-test-'));
}, 60_000);
afterAll(async () => {
  await world?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Sold {
  purchaseId: number;
  reference: string;
  key: string;
  /** performance.now() when startSale answered: the sale's opening transaction had committed by then. */
  answeredAt: number;
}

let counter = 0;
/** Keeps `lanes` sales going at once (successes, pending and failures mixed) until `stop()`. */
async function keepSelling(lanes: number) {
  const sold: Sold[] = [];
  let running = true;
  const product = await world.product({ network: 'MTN', type: 'airtime' });
  const endings = ['00', '51', '59', '00', '52', '00'];
  const lane = async () => {
    while (running) {
      const n = ++counter;
      const key = `backup-sale-${n}`;
      const phone = `0803${String(n).padStart(5, '0')}${endings[n % endings.length]}`;
      const result = await startSale(world.db, world.agentId, {
        idempotencyKey: key,
        productId: product.id,
        phone,
        network: 'MTN',
        amountMinor: 10_000,
      });
      if (!result.ok) throw new Error(result.refusal.message);
      sold.push({
        purchaseId: result.outcome.purchaseId,
        reference: result.outcome.reference,
        key,
        answeredAt: performance.now(),
      });
    }
  };
  const done = Promise.all(Array.from({ length: lanes }, lane));
  return {
    sold,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `npm run backup`'s script as its own OS process, against the world's database. */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join('scripts', script), ...args],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The restored database keeps I1–I9 and E1, and holds every sale committed before the backup. */
async function expectRestoredCopyHolds(target: string, committed: Sold[]) {
  const restored = openDatabase(target);
  try {
    expect(await allViolations(restored)).toEqual([]);
    const rows = sqliteFile(restored)
      .prepare('select id, reference, idempotency_key as key from purchases')
      .all() as { id: number; reference: string; key: string }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = committed.filter(
      (s) =>
        byId.get(s.purchaseId)?.reference !== s.reference || byId.get(s.purchaseId)?.key !== s.key,
    );
    expect(missing, 'sales committed before the backup but absent from it').toEqual([]);
  } finally {
    sqliteFile(restored).close();
  }
}

describe('a backup taken while sales run', () => {
  it('by `npm run backup` in another process: the restored copy holds every sale committed before it, and I1–I9, E1', async () => {
    const dir = path.join(tmp, 'cli');
    const sales = await keepSelling(4);
    await until(() => sales.sold.length >= 8, 'the first sales');
    const startedAt = performance.now();
    const cli = await runScript('backup.ts', [], {
      DATABASE_PATH: world.file,
      BACKUP_DIR: dir,
      BACKUP_KEEP: '5',
    });
    const endedAt = performance.now();
    const soldByEnd = sales.sold.length;
    await until(() => sales.sold.length >= soldByEnd + 4, 'sales after the backup');
    await sales.stop();
    expect(cli, cli.stderr).toMatchObject({ code: 0 });

    const committedBefore = sales.sold.filter((s) => s.answeredAt < startedAt);
    const duringBackup = sales.sold.filter(
      (s) => s.answeredAt > startedAt && s.answeredAt < endedAt,
    );
    expect(committedBefore.length).toBeGreaterThanOrEqual(8);
    expect(duringBackup.length, 'sales kept committing while the backup ran').toBeGreaterThan(0);

    const [made] = listBackups(dir);
    expect(made).toBeDefined();
    const target = path.join(tmp, 'restored-cli', 'portal.db');
    const result = await restoreBackup(made!.path, target);
    expect(result.checks.every((c) => c.violations.length === 0)).toBe(true);
    await expectRestoredCopyHolds(target, committedBefore);
    expect(await allViolations(world.db)).toEqual([]);
  }, 60_000);

  it('by the portal’s own connection, one page per step so sales commit between steps: the same holds, and the copy is one self-contained file', async () => {
    const dir = path.join(tmp, 'in-process');
    const sales = await keepSelling(4);
    await until(() => sales.sold.length >= 8, 'the first sales');
    const committedBefore = [...sales.sold];
    const made = await makeBackup(sqliteFile(world.db), dir, 48, { stepPages: 1 });
    await until(() => sales.sold.length >= committedBefore.length + 4, 'sales after the backup');
    await sales.stop();
    expect(committedBefore.length).toBeGreaterThan(0);
    expect(sales.sold.length).toBeGreaterThan(committedBefore.length);
    expect(fs.readdirSync(dir)).toEqual([made.name]); // no -wal, no leftover partial
    expect(made.sizeBytes).toBe(fs.statSync(made.path).size);

    const target = path.join(tmp, 'restored-in-process', 'portal.db');
    await restoreBackup(made.path, target);
    await expectRestoredCopyHolds(target, committedBefore);
  }, 60_000);

  it('through another connection in small steps while sales write (each write restarts the copy): it still ends, and the copy is whole', async () => {
    const dir = path.join(tmp, 'other-connection');
    const other = new Database(world.file); // as `npm run backup` would, beside the selling portal
    const sales = await keepSelling(4);
    try {
      await until(() => sales.sold.length >= 8, 'the first sales');
      const committedBefore = [...sales.sold];
      const made = await makeBackup(other, dir, 48, { stepPages: 1 });
      await until(() => sales.sold.length >= committedBefore.length + 4, 'sales after the backup');
      await sales.stop();
      const target = path.join(tmp, 'restored-other', 'portal.db');
      await restoreBackup(made.path, target);
      await expectRestoredCopyHolds(target, committedBefore);
    } finally {
      await sales.stop();
      other.close();
    }
  }, 60_000);
});

describe('restore', () => {
  let good: string;
  beforeAll(async () => {
    good = (await makeBackup(sqliteFile(world.db), path.join(tmp, 'for-restore'), 48)).path;
  });

  /** A database at `file` with one marker row, to prove a refused restore leaves it as it was. */
  function liveDatabase(file: string): Buffer {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec("create table marker (v text); insert into marker values ('the live database')");
    db.close();
    return fs.readFileSync(file);
  }

  it('keeps the database it replaces beside it', async () => {
    const target = path.join(tmp, 'replace', 'portal.db');
    const before = liveDatabase(target);
    const result = await restoreBackup(good, target);
    expect(fs.readFileSync(result.previousKeptAs!)).toEqual(before);
    const restored = openDatabase(target);
    expect(await allViolations(restored)).toEqual([]);
    sqliteFile(restored).close();
  });

  it('refuses a copy on which an invariant fails, and leaves the live database untouched', async () => {
    const tampered = path.join(tmp, 'tampered.db');
    fs.copyFileSync(good, tampered);
    const db = new Database(tampered);
    db.exec("update accounts set balance = balance + 100 where kind = 'wallet'"); // money from nothing: I1 and I2 fail
    db.close();
    const target = path.join(tmp, 'refuse-invariant', 'portal.db');
    const before = liveDatabase(target);
    const refusal = await restoreBackup(tampered, target).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RestoreRefused);
    expect((refusal as RestoreRefused).violations.map((v) => v.split(':')[0])).toEqual(
      expect.arrayContaining(['I1', 'I2']),
    );
    expect(fs.readFileSync(target)).toEqual(before);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['portal.db']);
  });

  it('refuses while another process has the live database open', async () => {
    const target = path.join(tmp, 'refuse-open', 'portal.db');
    liveDatabase(target);
    // Stands in for a running portal (or worker): another OS process with the file open in WAL mode.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const db = new (require('better-sqlite3'))(${JSON.stringify(target)});
      db.pragma('journal_mode = WAL');
      db.prepare('select v from marker').get();
      console.log('open');
      setInterval(() => {}, 1000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      await expect(restoreBackup(good, target)).rejects.toThrow(/open in another process/);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('close', r));
    }
    const live = new Database(target, { readonly: true });
    expect(live.prepare('select v from marker').get()).toEqual({ v: 'the live database' });
    live.close();
    expect(
      fs
        .readdirSync(path.dirname(target))
        .filter((f) => f.startsWith('.restore-') || f.includes('before-restore')),
    ).toEqual([]);
  });

  it('refuses a file that is not a SQLite database', async () => {
    const junk = path.join(tmp, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all, just some text that is long enough'.repeat(20));
    await expect(restoreBackup(junk, path.join(tmp, 'refuse-junk', 'portal.db'))).rejects.toThrow(
      RestoreRefused,
    );
  });

  it('`npm run restore` refuses while something answers on the portal’s address', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as net.AddressInfo;
    const target = path.join(tmp, 'refuse-running', 'portal.db');
    const before = liveDatabase(target);
    try {
      const run = await runScript('restore.ts', [good], {
        DATABASE_PATH: target,
        PORTAL_URL: `http://127.0.0.1:${port}`,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /refused: Something answers on http:\/\/127\.0\.0\.1:\d+: stop the portal/,
      );
      expect(fs.readFileSync(target)).toEqual(before);
    } finally {
      server.close();
    }
  }, 30_000);
});

describe('backup files and status', () => {
  it('names sort by time and read back to the same instant; unfinished copies are not backups', () => {
    const at = Date.UTC(2026, 11, 2, 4, 6, 32, 123);
    expect(backupName(at)).toBe('portal-20261202T040632123Z.db');
    expect(parseBackupName(backupName(at))).toBe(at);
    expect(parseBackupName(`.${backupName(at)}.partial`)).toBeNull();
  });

  it('prunes to the newest N, and copies a crash left unfinished a day ago (not one in progress)', () => {
    const dir = path.join(tmp, 'prune');
    fs.mkdirSync(dir);
    const times = [1, 2, 3, 4, 5].map((h) => Date.UTC(2026, 0, 1, h));
    for (const t of times) fs.writeFileSync(path.join(dir, backupName(t)), 'x');
    const stale = `.${backupName(Date.UTC(2026, 0, 1, 6))}.partial`;
    const inProgress = `.${backupName(Date.UTC(2026, 0, 1, 7))}.partial`;
    for (const f of [stale, inProgress]) fs.writeFileSync(path.join(dir, f), 'x');
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    fs.utimesSync(path.join(dir, stale), dayAgo, dayAgo);
    expect(pruneBackups(dir, 2).sort()).toEqual(times.slice(0, 3).map(backupName).sort());
    expect(listBackups(dir).map((b) => b.at)).toEqual([times[4], times[3]]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([inProgress]);
  });

  it('is late with no backup, on time within one and a half intervals, late after', () => {
    const dir = path.join(tmp, 'status');
    const hour = 3_600_000;
    expect(backupStatus(dir, hour)).toMatchObject({ last: null, late: true });
    fs.mkdirSync(dir);
    const at = Date.UTC(2026, 0, 1, 12);
    fs.writeFileSync(path.join(dir, backupName(at)), 'twelve bytes');
    expect(backupStatus(dir, hour, at + 1.5 * hour)).toMatchObject({
      last: { at, sizeBytes: 12 },
      late: false,
    });
    expect(backupStatus(dir, hour, at + 1.5 * hour + 1)).toMatchObject({ late: true });
  });
});
