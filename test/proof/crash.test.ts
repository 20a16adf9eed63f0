// I10, crash safety: a real child process runs the sale, requery or refund path and SIGKILLs itself at
// each step in turn (between phases, during the provider call, and inside the IMMEDIATE transactions
// via a TEMP trigger). After a restart the books already hold (I1–I9); after a reconcile pass every
// sale is final, with the status the provider's truth calls for, and the wallet agrees.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchases } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { findWallet } from '@/lib/ledger/accounts';
import { fundWallet } from '@/lib/ledger/funding';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { allViolations } from '@/lib/ledger/invariants';
import { runRequeryPass } from '@/lib/purchases/requery-worker';
import { startSale } from '@/lib/purchases/start-sale';
import type { World } from '@/test/world';
import { count, magicPhone, proofWorld } from './helpers';
import { inBatches, runWorker, type WorkerExit } from './processes';
import type { CrashStep } from './workers/sale.worker';
import { first } from '@/db/query';

let T: World;
beforeAll(async () => {
  // Roomy enough that a loaded machine's worker never times out on an ordinary answer; only 53 (held 10 s) waits it out.
  T = await proofWorld(5_000);
}, 120_000);
afterAll(async () => T?.close());

const FUND = 1_000_000;
const FACE = 10_000;
type Final = 'SUCCESS' | 'FAILED' | 'NO_SALE';

interface Case {
  path: 'sale' | 'requery';
  magic: string;
  step: CrashStep;
  final: Final;
}

// The purchase and refund paths, killed at every step.
const SALE_CASES: Case[] = [
  { path: 'sale', magic: '00', step: 'in-reserve-tx', final: 'NO_SALE' },
  { path: 'sale', magic: '00', step: 'after-open', final: 'FAILED' }, // never sent: not found twice after the grace
  { path: 'sale', magic: '00', step: 'before-send', final: 'FAILED' },
  { path: 'sale', magic: '00', step: 'in-flight', final: 'SUCCESS' }, // the provider recorded it
  { path: 'sale', magic: '00', step: 'after-answer', final: 'SUCCESS' },
  { path: 'sale', magic: '00', step: 'in-settle-tx', final: 'SUCCESS' },
  { path: 'sale', magic: '00', step: 'after-apply', final: 'SUCCESS' },
  { path: 'sale', magic: '52', step: 'after-answer', final: 'FAILED' },
  { path: 'sale', magic: '60', step: 'in-failover-tx', final: 'FAILED' },
  { path: 'sale', magic: '60', step: 'in-refund-tx', final: 'FAILED' },
];
// The requery path (and its refund), on a sale left pending by the portal.
const REQUERY_CASES: Case[] = [
  ...(['before-send', 'in-flight', 'after-answer', 'in-settle-tx', 'after-apply'] as const).map(
    (step) => ({ path: 'requery' as const, magic: '51', step, final: 'SUCCESS' as const }),
  ),
  { path: 'requery', magic: '53', step: 'in-settle-tx', final: 'SUCCESS' },
  { path: 'requery', magic: '52', step: 'after-answer', final: 'FAILED' },
  { path: 'requery', magic: '52', step: 'in-refund-tx', final: 'FAILED' },
  { path: 'requery', magic: '59', step: 'in-refund-tx', final: 'FAILED' }, // 59's refund waits for the confirming requery
  { path: 'requery', magic: '54', step: 'in-refund-tx', final: 'FAILED' },
];

let n = 0;

async function runCase(c: Case): Promise<{
  c: Case;
  exit: WorkerExit;
  beforeReconcile: string[];
  status: string;
  balance: number;
  reserved: number;
  cost: number;
  sales: number;
}> {
  const h = await T.fork();
  try {
    await fundWallet(h.db, SYSTEM_ACTOR, {
      agentId: T.agentId,
      currency: 'NGN',
      amount: FUND,
      direction: 'credit',
      reference: 'crash-fund',
      reason: 'x',
    });
    const phone = magicPhone(20_000 + ++n, c.magic);
    const key = `crash-${n}-${Date.now()}`;
    let exit: WorkerExit;
    if (c.path === 'sale') {
      exit = await runWorker(h.file, {
        kind: 'crash-sale',
        agentId: T.agentId,
        productId: T.airtime.id,
        key,
        phone,
        amountMinor: FACE,
        step: c.step,
      });
    } else {
      T.sim.hold(phone); // the sale stays pending at the provider until we say, whatever the machine's speed
      const opened = await startSale(h.db, T.agentId, {
        idempotencyKey: key,
        productId: T.airtime.id,
        phone,
        network: 'MTN',
        amountMinor: FACE,
      });
      if (!opened.ok || ['SUCCESS', 'FAILED'].includes(opened.outcome.status))
        throw new Error(`expected a pending sale, got ${JSON.stringify(opened)}`);
      // The provider's record turns final now (51 success, 52 failed), before the killed requery asks it.
      T.sim.release(phone);
      // 54 needs one not-found answer on record so the killed pass is the refunding one.
      if (c.magic === '54') await runRequeryPass(h.db, { now: () => Date.now() + 16 * 60_000 });
      exit = await runWorker(h.file, {
        kind: 'crash-requery',
        now: Date.now() + 32 * 60_000,
        step: c.step,
      });
    }
    // Restart: a new connection, as the next process would open it.
    const db = h.restart();
    const beforeReconcile = await allViolations(db);
    // Reconcile: requery passes with the clock past the leases, the schedule and the NOT_FOUND grace.
    for (let pass = 1; pass <= 4; pass += 1) {
      await runRequeryPass(db, { now: () => Date.now() + (40 + pass * 20) * 60_000 });
    }
    const row = await first(db.select().from(purchases).where(eq(purchases.agentId, T.agentId)));
    const wallet = (await findWallet(db, T.agentId, 'NGN'))!;
    const cost = priceSale(
      FACE,
      await commissionBps(db, T.agentId, 'NGN', 'MTN', 'airtime'),
    ).agentCostMinor;
    expect(
      await allViolations(db),
      `${c.path} ${c.magic} killed ${c.step}: invariants after reconcile`,
    ).toEqual([]);
    return {
      c,
      exit,
      beforeReconcile,
      status: row?.status ?? 'NO_SALE',
      balance: wallet.balance,
      reserved: wallet.reserved,
      cost,
      sales: await count(db, `purchases where agent_id = ${T.agentId}`),
    };
  } finally {
    await h.close();
  }
}

describe('crash at every step (I10)', () => {
  it(`kills the purchase, requery and refund paths at ${SALE_CASES.length + REQUERY_CASES.length} steps; after restart and reconcile every sale is final and the books hold`, async () => {
    const outcomes = await inBatches(
      [...SALE_CASES, ...REQUERY_CASES].map((c) => async () => await runCase(c)),
      2,
    );
    const table = outcomes.map((o) => ({
      case: `${o.c.path} ${o.c.magic} killed ${o.c.step}`,
      killed: o.exit.signal,
      invariantsAfterRestart: o.beforeReconcile,
      status: o.status,
      balance: o.balance,
      reserved: o.reserved,
      sales: o.sales,
    }));
    const expected = outcomes.map((o) => ({
      case: `${o.c.path} ${o.c.magic} killed ${o.c.step}`,
      killed: 'SIGKILL',
      invariantsAfterRestart: [],
      status: o.c.final,
      balance: o.c.final === 'SUCCESS' ? FUND - o.cost : FUND,
      reserved: 0,
      sales: o.c.final === 'NO_SALE' ? 0 : 1,
    }));
    for (const o of outcomes)
      if (o.exit.signal !== 'SIGKILL') console.error(o.c, o.exit.stdout, o.exit.stderr);
    expect(table).toEqual(expected);
  }, 240_000);
});
