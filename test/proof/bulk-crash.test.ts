// A bulk batch killed mid-run (a real child process, a real SIGKILL), then resumed by another runner
// after the lease expires: every row is sold at most once, the books hold (I1–I9) before and after the
// reconcile pass, and the batch ends with every row accounted for.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkBatches, bulkRows, purchases } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { confirmBatch, createBatch } from '@/lib/bulk/commands';
import { runBulkPass } from '@/lib/bulk/runner';
import { findWallet } from '@/lib/ledger/accounts';
import { fundWallet } from '@/lib/ledger/funding';
import { allViolations } from '@/lib/ledger/invariants';
import { runRequeryPass } from '@/lib/purchases/requery-worker';
import type { World } from '@/test/world';
import { magicPhone, proofWorld } from './helpers';
import type { WorkerExit } from './processes';
import type { BulkCrashStep } from './workers/bulk.worker';
import { first, rows } from '@/db/query';
import { sqliteFile } from '@/db/client';

let T: World;
beforeAll(async () => {
  T = await proofWorld(5_000);
}, 120_000);
afterAll(async () => T?.close());

const WORKER = path.join(process.cwd(), 'test', 'proof', 'workers', 'bulk.worker.ts');
const ROWS = 6;
const FUND = 1_000_000;

function runBulkWorker(file: string, step: BulkCrashStep): Promise<WorkerExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, step], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

let run = 0;

async function killAndResume(step: BulkCrashStep) {
  const h = await T.fork();
  try {
    run += 1;
    await fundWallet(h.db, SYSTEM_ACTOR, {
      agentId: T.agentId,
      currency: 'NGN',
      amount: FUND,
      direction: 'credit',
      reference: `bulk-crash-${run}`,
      reason: 'x',
    });
    // Each row its own number (ending 00: the simulator's plain success), so a sale is traced to its row by the number.
    const phones = Array.from({ length: ROWS }, (_, i) => magicPhone(40_000 + run * 10 + i, '00'));
    const created = await createBatch(
      h.db,
      T.agentId,
      'crash.csv',
      ['number,amount', ...phones.map((p) => `${p},100`)].join('\n'),
    );
    if (!created.ok) throw new Error(created.refusal.message);
    await confirmBatch(h.db, T.agentId, created.batchId);
    // SQLite: the batch into the main file before the worker dies (PostgreSQL has no such step).
    if (h.db.engine === 'sqlite') sqliteFile(h.db).pragma('wal_checkpoint(TRUNCATE)');

    const exit = await runBulkWorker(h.file, step);
    const db = h.restart();
    const afterRestart = await allViolations(db);
    const salesPerPhone = async () =>
      await rows<{ phone: string; n: number }>(
        db,
        sql`select phone, count(*) as n from purchases group by phone`,
      );
    const soldBeforeResume = (await db.select().from(purchases)).length;
    // Resume: another runner, once the dead one's lease has expired.
    await runBulkPass(db, { now: () => Date.now() + 61_000 });
    // Reconcile: requery passes past the schedule and the not-found grace settle whatever was left open.
    for (let pass = 1; pass <= 3; pass += 1)
      await runRequeryPass(db, { now: () => Date.now() + (40 + pass * 20) * 60_000 });
    const batchRows = await db.select().from(bulkRows).where(eq(bulkRows.batchId, created.batchId));
    const sales = await db.select().from(purchases);
    return {
      exit,
      afterRestart,
      soldBeforeResume,
      salesPerPhone: await salesPerPhone(),
      batch: (await first(
        db.select().from(bulkBatches).where(eq(bulkBatches.id, created.batchId)),
      ))!,
      rows: batchRows,
      sales,
      phones,
      wallet: (await findWallet(db, T.agentId, 'NGN'))!,
      afterReconcile: await allViolations(db),
    };
  } finally {
    await h.close();
  }
}

describe('a bulk batch killed mid-run, then resumed (I10)', () => {
  it.each(['in-reserve-tx', 'in-flight', 'before-row-recorded'] as const)(
    'killed %s: every row sold at most once, the books hold',
    async (step) => {
      const r = await killAndResume(step);
      if (r.exit.signal !== 'SIGKILL') console.error(r.exit.stdout, r.exit.stderr);
      expect(r.exit.signal).toBe('SIGKILL');
      // Killed at the third row: two sales committed before it, and the third only if its reserve committed.
      expect(r.soldBeforeResume).toBe(step === 'in-reserve-tx' ? 2 : 3);
      expect(r.afterRestart).toEqual([]);
      // No number was sold twice, and every row ended with exactly its own sale.
      expect(r.salesPerPhone.every((s) => s.n === 1)).toBe(true);
      expect(r.sales.map((s) => s.phone).sort()).toEqual([...r.phones].sort());
      expect(r.rows.map((row) => [row.rowNumber, row.state])).toEqual(
        r.phones.map((_, i) => [i + 2, 'sent']),
      );
      const saleOf = new Map(r.sales.map((s) => [s.id, s]));
      expect(r.rows.every((row) => saleOf.get(row.purchaseId!)?.phone === row.phone)).toBe(true);
      expect(r.batch.status).toBe('done');
      // Every sale delivered (the simulator recorded each one it received), each paid for once.
      expect(r.sales.map((s) => s.status)).toEqual(Array(ROWS).fill('SUCCESS'));
      expect(r.wallet.reserved).toBe(0);
      expect(r.wallet.balance).toBe(FUND - r.sales.reduce((sum, s) => sum + s.agentCostMinor, 0));
      expect(r.afterReconcile).toEqual([]);
    },
    90_000,
  );
});
