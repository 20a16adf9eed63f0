// Model-based proof of the money rules: random histories of funding, sales with every provider fault
// the simulator can produce, requery ticks, callbacks (duplicated, and early: before the sale's own
// answer), admin resolutions, replayed idempotency keys and restarts, run against a real database file
// and the real purchase code. After EVERY step: I1–I9 hold (allViolations is empty) and the wallet,
// its reservation and every sale's status and money agree with an independent model.
//
//   PROOF_RUNS=10000 npx vitest run test/proof/ledger-model.test.ts     (the long run)
//   PROOF_SEED=<seed> PROOF_PATH=<path> ...                             (replay a reported failure)
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseResolutions, purchaseReversals, purchases, requeryJobs } from '@/db/schema';
import { Refusal } from '@/lib/errors';
import { findWallet } from '@/lib/ledger/accounts';
import { LedgerError } from '@/lib/ledger/errors';
import { fundWallet } from '@/lib/ledger/funding';
import { allViolations } from '@/lib/ledger/invariants';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { DEMO_CREDENTIALS } from '@/lib/providers/demo-credentials';
import type { CallbackInput } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';
import { adminResolve } from '@/lib/purchases/admin-resolve';
import { handleCallback } from '@/lib/purchases/callbacks';
import { toOutcome } from '@/lib/purchases/outcome';
import { runRequeryPass } from '@/lib/purchases/requery-worker';
import { NOT_FOUND_GRACE_MS } from '@/lib/purchases/schedule';
import { startSale, type SaleInput } from '@/lib/purchases/start-sale';
import type { OracleProvider } from './oracle/provider-decisions';
import type { World } from '@/test/world';
import { magicPhone, proofWorld, realTimeReferences, sleep } from './helpers';
import type { NewReference } from '@/lib/providers/reference';
import {
  applyPurchase,
  applyRequery,
  MAGICS,
  newModel,
  reservedTotal,
  SCENARIO_NAME,
  walletBalance,
  type Magic,
  type Model,
  type ModelSale,
} from './model';
import { first, rows } from '@/db/query';

const RUNS = Number(process.env.PROOF_RUNS ?? 200);
const MAX_COMMANDS = Number(process.env.PROOF_MAX_COMMANDS ?? 12);
const PROVIDER_TIMEOUT_MS = 1_000; // the hang (53) costs this much real time per sale
const TICK_MS = 61 * 60_000; // longer than any requery delay and than the NOT_FOUND grace: every job is due
const STEP_MS = 1_000;
const CALLBACK_WINDOW_MS = 60_000; // one callback-driven requery per sale a minute
const ADMIN = { userId: null, label: 'admin@proof.test', ip: '127.0.0.1' };

let T: World;
let agentCommissionBps = 0;
let dataCommissionBps = 0;

interface Real {
  h: World;
  log: string[];
}

beforeAll(async () => {
  T = await proofWorld(PROVIDER_TIMEOUT_MS);
  const h = await T.fork();
  agentCommissionBps = await commissionBps(h.db, T.agentId, 'NGN', 'MTN', 'airtime');
  dataCommissionBps = await commissionBps(h.db, T.agentId, 'NGN', 'MTN', 'data');
  await h.close();
}, 120_000);
afterAll(async () => T?.close());

// ---------- checks after every step ----------

const ran = new Map<string, number>();

async function verify(m: Model, r: Real, step: string): Promise<void> {
  const kind = step.replace(/\(.*$/, '');
  ran.set(kind, (ran.get(kind) ?? 0) + 1);
  const db = r.h.db;
  const violations = await allViolations(db);
  expect(violations, `invariants after ${step}`).toEqual([]);
  const wallet = (await findWallet(db, T.agentId, 'NGN'))!;
  expect({ balance: wallet.balance, reserved: wallet.reserved }, `wallet after ${step}`).toEqual({
    balance: walletBalance(m),
    reserved: reservedTotal(m),
  });
  const rows = await db
    .select()
    .from(purchases)
    .where(eq(purchases.agentId, T.agentId))
    .orderBy(purchases.id);
  expect(rows.length, `sales after ${step}`).toBe(m.sales.length);
  const resolutions = new Map(
    (await db.select().from(purchaseResolutions)).map((x) => [x.purchaseId, x.outcome]),
  );
  const reversals = new Set((await db.select().from(purchaseReversals)).map((x) => x.purchaseId));
  rows.forEach((row, i) => {
    const sale = m.sales[i]!;
    const money = reversals.has(row.id) ? 'reversed' : (resolutions.get(row.id) ?? 'held');
    const status =
      sale.status === 'OPEN' && (row.status === 'PENDING' || row.status === 'UNKNOWN')
        ? 'OPEN'
        : row.status;
    expect(
      { sale: i, magic: sale.magic, status, money, provider: row.provider },
      `sale #${i} after ${step}`,
    ).toEqual({
      sale: i,
      magic: sale.magic,
      status: sale.status,
      money: sale.money,
      provider: sale.route[sale.step],
    });
  });
}

const pick = (m: Model, index: number): ModelSale => m.sales[index % m.sales.length]!;

/** The simulator's pending/reversal resolutions of every sale so far happen now, not on their timers. */
function settleSimulator() {
  T.sim.release('all');
}

// ---------- callbacks, shaped like each provider's (lib/providers/*/callback.ts) ----------

function callbackFor(provider: string, reference: string): CallbackInput {
  const json = { 'content-type': 'application/json' };
  switch (provider as ProviderId) {
    case 'vtpass':
      return {
        method: 'POST',
        headers: json,
        query: {},
        rawBody: JSON.stringify({
          type: 'transaction-update',
          data: {
            code: '000',
            content: { transactions: { status: 'delivered' } },
            requestId: reference,
          },
        }),
      };
    case 'jonet':
      return {
        method: 'POST',
        headers: { ...json, authorization: DEMO_CREDENTIALS.jonet.apiKey! },
        query: {},
        rawBody: JSON.stringify({
          status: 'Successful',
          server_response: 'Successful',
          customer_id: reference,
        }),
      };
    case 'cwg':
      return {
        method: 'POST',
        headers: json,
        query: {},
        rawBody: JSON.stringify({ transactionReference: reference, status: 'SUCCESSFUL' }),
      };
    default:
      throw new Error(`no callback shape for ${provider}`);
  }
}

async function currentAttempt(r: Real, sale: ModelSale) {
  const row = (await first(
    r.h.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId)),
  ))!;
  return { provider: row.provider, reference: row.reference };
}

// ---------- commands ----------

type Cmd = fc.AsyncCommand<Model, Real>;

class Fund implements Cmd {
  constructor(readonly amount: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.clock += STEP_MS;
    const reference = `proof-fund-${m.fundings.length}`;
    const result = await fundWallet(
      r.h.db,
      ADMIN,
      {
        agentId: T.agentId,
        currency: 'NGN',
        amount: this.amount,
        direction: 'credit',
        reference,
        reason: 'model',
      },
      m.clock,
    );
    expect(result.replayed).toBe(false);
    m.fundings.push({ reference, amount: this.amount });
    m.funded += this.amount;
    await verify(m, r, this.toString());
  }
  toString = () => `Fund(${this.amount})`;
}

class Debit implements Cmd {
  constructor(readonly amount: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.clock += STEP_MS;
    const input = {
      agentId: T.agentId,
      currency: 'NGN' as const,
      amount: this.amount,
      direction: 'debit' as const,
      reference: `proof-debit-${m.clock}`,
      reason: 'model',
    };
    if (this.amount > walletBalance(m)) {
      await expect(fundWallet(r.h.db, ADMIN, input, m.clock)).rejects.toThrowError(
        /^Your wallet has/,
      );
    } else {
      await fundWallet(r.h.db, ADMIN, input, m.clock);
      m.funded -= this.amount;
    }
    await verify(m, r, this.toString());
  }
  toString = () => `Debit(${this.amount})`;
}

class ReplayFunding implements Cmd {
  constructor(
    readonly index: number,
    readonly sameAmount: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.fundings.length > 0;
  async run(m: Model, r: Real) {
    const f = m.fundings[this.index % m.fundings.length]!;
    const input = {
      agentId: T.agentId,
      currency: 'NGN' as const,
      direction: 'credit' as const,
      reference: f.reference,
      reason: 'replay',
    };
    if (this.sameAmount) {
      expect(
        (await fundWallet(r.h.db, ADMIN, { ...input, amount: f.amount }, m.clock)).replayed,
      ).toBe(true);
    } else {
      await expect(
        fundWallet(r.h.db, ADMIN, { ...input, amount: f.amount + 1 }, m.clock),
      ).rejects.toThrowError(LedgerError);
    }
    await verify(m, r, this.toString());
  }
  toString = () =>
    `ReplayFunding(#${this.index}, ${this.sameAmount ? 'same amount' : 'different amount'})`;
}

class Purchase implements Cmd {
  constructor(
    readonly magic: Magic,
    readonly middle: number,
    readonly airtimeFace: number,
    readonly earlyCallback: boolean,
    readonly kind: 'airtime' | 'data' = 'airtime',
  ) {}
  get face() {
    return this.kind === 'data' ? T.data.priceMinor! : this.airtimeFace;
  }
  check = () => true;
  async run(m: Model, r: Real) {
    m.clock += STEP_MS;
    const key = `proof-key-${m.nextKey++}`;
    const phone = magicPhone(this.middle, this.magic);
    const product = this.kind === 'data' ? T.data : T.airtime;
    const input: SaleInput = {
      idempotencyKey: key,
      productId: product.id,
      phone,
      network: 'MTN',
      amountMinor: this.face,
      confirmRepeat: true,
    };
    const refs = realTimeReferences();
    const issued: string[] = [];
    const newReference: NewReference = (provider) => {
      const ref = refs(provider);
      issued.push(ref);
      return ref;
    };
    const cost = priceSale(
      this.face,
      this.kind === 'data' ? dataCommissionBps : agentCommissionBps,
    ).agentCostMinor;
    const affordable = cost <= walletBalance(m);
    const early =
      this.earlyCallback && this.magic === '53' && affordable && this.kind === 'airtime';
    const selling = startSale(r.h.db, T.agentId, input, {
      now: () => m.clock,
      newReference,
      replayWaitMs: 5_000,
    });
    let callbackBody: string | undefined;
    if (early) {
      // The provider's callback arrives while our own call is still waiting for an answer.
      const ref = await waitForRecordedSale(issued);
      const cb = callbackFor('vtpass', ref);
      const handled = await handleCallback(r.h.db, 'vtpass', cb, undefined, () => m.clock);
      expect(handled.outcome).toBe('applied');
      callbackBody = cb.rawBody;
    }
    const result = await selling;
    if (!affordable) {
      expect(result).toEqual({
        ok: false,
        refusal: expect.objectContaining({
          name: 'LedgerError',
          message: expect.stringMatching(/^Your wallet has .*; this sale needs /),
          code: 'INSUFFICIENT_FUNDS',
        }),
      });
      await verify(m, r, this.toString());
      return;
    }
    if (!result.ok) throw new Error(`sale refused: ${result.refusal.message}`);
    ran.set(
      `sale ${this.magic}${early ? ' early callback' : ''}`,
      (ran.get(`sale ${this.magic}${early ? ' early callback' : ''}`) ?? 0) + 1,
    );
    expect(result.outcome.agentCostMinor).toBe(cost);
    const sale: ModelSale = {
      key,
      phone,
      face: this.face,
      cost,
      magic: this.magic,
      money: 'held',
      status: 'OPEN',
      createdAt: m.clock,
      notFound: 0,
      route: T.routes[this.kind] as OracleProvider[],
      productId: product.id,
      step: 0,
      awaiting: null,
      nextAt: 0,
      tries: 0,
      purchaseId: result.outcome.purchaseId,
    };
    if (early) Object.assign(sale, { money: 'settled', status: 'SUCCESS' });
    else applyPurchase(sale);
    scheduleFirst(m, sale);
    m.sales.push(sale);
    if (callbackBody) {
      m.callbackBodies.add(callbackBody);
      sale.lastCallbackAt = m.clock;
    }
    expect(sale.status === 'OPEN' ? ['PENDING', 'UNKNOWN'] : [sale.status]).toContain(
      result.outcome.status,
    );
    await verify(m, r, this.toString());
  }
  toString = () =>
    `Purchase(${this.kind === 'data' ? 'data, ' : ''}${this.magic} ${SCENARIO_NAME[this.magic]}, ₦${this.face / 100}${this.earlyCallback && this.magic === '53' ? ', callback before the answer' : ''}, phone …${this.middle})`;
}

async function waitForRecordedSale(issued: string[]): Promise<string> {
  const deadline = Date.now() + PROVIDER_TIMEOUT_MS - 100;
  while (Date.now() < deadline) {
    const ref = issued[0];
    if (ref) {
      const sales = (await (await fetch(`${T.sim.url}/__sales`)).json()) as { reference: string }[];
      if (sales.some((s) => s.reference === ref)) return ref;
    }
    await sleep(10);
  }
  throw new Error('the simulator never recorded the held sale');
}

class RequeryTick implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    settleSimulator();
    m.clock += TICK_MS;
    const held = m.sales.filter((s) => s.money === 'held' && s.status !== 'MANUAL_REVIEW');
    const done = await runRequeryPass(r.h.db, { now: () => m.clock, owner: 'proof-worker' });
    expect(done, 'requeried attempts').toBe(held.length);
    for (const sale of held) requeried(m, sale);
    await verify(m, r, this.toString());
  }
  toString = () => 'RequeryTick(+61 min)';
}

/**
 * A short tick, inside the NOT_FOUND grace period for fresh sales: only the attempts whose next requery
 * is due by the documents' schedule (30 s, 1, 2, 5, 10, 30 min, then hourly; JoNet's first ≥ 60 s) are asked.
 */
class ShortTick implements Cmd {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    settleSimulator();
    m.clock += this.minutes * 60_000;
    const due = m.sales.filter(
      (s) => s.money === 'held' && s.status !== 'MANUAL_REVIEW' && s.nextAt <= m.clock,
    );
    const done = await runRequeryPass(r.h.db, { now: () => m.clock, owner: 'proof-worker' });
    expect(done, 'requeried attempts (due by the schedule)').toBe(due.length);
    for (const sale of due) requeried(m, sale);
    await verify(m, r, this.toString());
  }
  toString = () => `ShortTick(+${this.minutes} min)`;
}

// The requery schedule (docs/providers/README.md#common-rules, rule 5); JoNet's first requery no earlier than 60 s
// (docs/providers/jonet.md#requery).
const SCHEDULE_MS = [
  30_000,
  60_000,
  120_000,
  300_000,
  600_000,
  1_800_000,
  ...Array<number>(23).fill(3_600_000),
];
function scheduleFirst(m: Model, sale: ModelSale) {
  sale.tries = 0;
  sale.nextAt =
    m.clock +
    (sale.route[sale.step] === 'jonet' ? Math.max(60_000, SCHEDULE_MS[0]!) : SCHEDULE_MS[0]!);
}
/** The sale's current attempt was asked once more (requery or a callback's requery). */
function requeried(m: Model, sale: ModelSale) {
  const step = sale.step;
  applyRequery(m, sale);
  if (sale.money !== 'held') return;
  if (sale.step !== step) return scheduleFirst(m, sale); // failed over to a new attempt
  sale.tries += 1;
  sale.nextAt = m.clock + (SCHEDULE_MS[sale.tries] ?? Infinity);
}

class Callback implements Cmd {
  constructor(
    readonly index: number,
    readonly twice: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.sales.length > 0;
  async run(m: Model, r: Real) {
    settleSimulator();
    m.clock += STEP_MS;
    const sale = pick(m, this.index);
    const { provider, reference } = await currentAttempt(r, sale);
    const cb = callbackFor(provider, reference);
    const seen = m.callbackBodies.has(cb.rawBody);
    const limited = !seen && m.clock - (sale.lastCallbackAt ?? -Infinity) < CALLBACK_WINDOW_MS;
    const first = await handleCallback(
      r.h.db,
      provider as ProviderId,
      cb,
      undefined,
      () => m.clock,
    );
    expect(first.outcome).toBe(seen ? 'duplicate' : limited ? 'rate_limited' : 'applied');
    expect(first.ack.status).toBe(200);
    // A callback is a hint: whatever it says (here always "success"), the requery decides; it never moves
    // the requery schedule.
    if (!seen && !limited) {
      applyRequery(m, sale);
      sale.lastCallbackAt = m.clock;
    }
    // A throttled callback is not remembered, so the provider's own retry is still heard later.
    if (!limited) m.callbackBodies.add(cb.rawBody);
    if (this.twice) {
      const again = await handleCallback(
        r.h.db,
        provider as ProviderId,
        cb,
        undefined,
        () => m.clock,
      );
      expect(again.outcome).toBe(limited ? 'rate_limited' : 'duplicate');
    }
    await verify(m, r, this.toString());
  }
  toString = () => `Callback(sale #${this.index}${this.twice ? ', delivered twice' : ''})`;
}

/**
 * A forged callback: a "success" for one of our real references with a body never seen before, sent by
 * anyone. At most one a minute per sale is even requeried; the requery decides; the schedule stays.
 */
class ForgedCallback implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.sales.length > 0;
  async run(m: Model, r: Real) {
    settleSimulator();
    m.clock += STEP_MS;
    const sale = pick(m, this.index);
    const { provider, reference } = await currentAttempt(r, sale);
    const cb = callbackFor(provider, reference);
    const body = JSON.parse(cb.rawBody) as Record<string, unknown>;
    const forged = { ...cb, rawBody: JSON.stringify({ ...body, forgedAt: m.clock }) };
    const limited = m.clock - (sale.lastCallbackAt ?? -Infinity) < CALLBACK_WINDOW_MS;
    const jobsBefore = await r.h.db
      .select({ nextAt: requeryJobs.nextAt, tries: requeryJobs.tries })
      .from(requeryJobs)
      .where(eq(requeryJobs.purchaseId, sale.purchaseId));
    const handled = await handleCallback(
      r.h.db,
      provider as ProviderId,
      forged,
      undefined,
      () => m.clock,
    );
    expect(handled.outcome).toBe(limited ? 'rate_limited' : 'applied');
    if (!limited) {
      applyRequery(m, sale);
      sale.lastCallbackAt = m.clock;
    }
    if (sale.money === 'held') {
      const jobsAfter = await r.h.db
        .select({ nextAt: requeryJobs.nextAt, tries: requeryJobs.tries })
        .from(requeryJobs)
        .where(eq(requeryJobs.purchaseId, sale.purchaseId));
      expect(jobsAfter, 'a callback never moves the requery schedule').toEqual(jobsBefore);
    }
    await verify(m, r, this.toString());
  }
  toString = () => `ForgedCallback(sale #${this.index})`;
}

class UnknownCallback implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const cb = callbackFor('vtpass', `${realTimeReferences()()}`);
    expect((await handleCallback(r.h.db, 'vtpass', cb, undefined, () => m.clock)).outcome).toBe(
      'unknown_reference',
    );
    await verify(m, r, this.toString());
  }
  toString = () => 'Callback(unknown reference)';
}

class AdminResolve implements Cmd {
  constructor(
    readonly index: number,
    readonly outcome: 'success' | 'failed',
  ) {}
  check = (m: Readonly<Model>) => m.sales.length > 0;
  async run(m: Model, r: Real) {
    m.clock += STEP_MS;
    const sale = pick(m, this.index);
    const act = async () =>
      await adminResolve(r.h.db, ADMIN, sale.purchaseId, this.outcome, 'model says so', m.clock);
    if (sale.money === 'held') {
      expect(await act()).toBe(this.outcome === 'success' ? 'SUCCESS' : 'FAILED');
      sale.money = this.outcome === 'success' ? 'settled' : 'refunded';
      sale.status = this.outcome === 'success' ? 'SUCCESS' : 'FAILED';
      sale.awaiting = null;
    } else {
      await expect(act()).rejects.toThrowError(/already resolved/);
    }
    await verify(m, r, this.toString());
  }
  toString = () => `AdminResolve(sale #${this.index}, ${this.outcome})`;
}

class ReplaySale implements Cmd {
  constructor(
    readonly index: number,
    readonly sameBody: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.sales.length > 0;
  async run(m: Model, r: Real) {
    m.clock += STEP_MS;
    const sale = pick(m, this.index);
    // Another body: another amount and another number (a data bundle's amount is its price, whatever is sent).
    const otherPhone = `${sale.phone.slice(0, 4)}${sale.phone[4] === '9' ? '8' : '9'}${sale.phone.slice(5)}`;
    const input: SaleInput = {
      idempotencyKey: sale.key,
      productId: sale.productId,
      phone: this.sameBody ? sale.phone : otherPhone,
      network: 'MTN',
      amountMinor: this.sameBody ? sale.face : sale.face + 100,
      confirmRepeat: true,
    };
    const before = (
      await first(rows<{ n: number }>(r.h.db, sql`select count(*) as n from ledger_entries`))
    )?.n;
    const result = await startSale(r.h.db, T.agentId, input, {
      now: () => m.clock,
      newReference: realTimeReferences(),
      replayWaitMs: 5_000,
    });
    if (this.sameBody) {
      const row = (await first(
        r.h.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId)),
      ))!;
      expect(result).toEqual({ ok: true, outcome: toOutcome(row) });
    } else {
      expect(result).toEqual({
        ok: false,
        refusal: new Refusal('This form was already used for a different sale. Start a new sale.'),
      });
    }
    expect(
      (await first(rows<{ n: number }>(r.h.db, sql`select count(*) as n from ledger_entries`)))?.n,
      'a replay writes no ledger row',
    ).toBe(before);
    await verify(m, r, this.toString());
  }
  toString = () =>
    `ReplaySale(sale #${this.index}, ${this.sameBody ? 'same body' : 'different body'})`;
}

class Restart implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    r.h.restart();
    await verify(m, r, this.toString());
  }
  toString = () => 'Restart(close and reopen the database file)';
}

// ---------- generators ----------

const magicArb = fc.oneof(
  { arbitrary: fc.constant<Magic>('00'), weight: 3 },
  {
    arbitrary: fc.constantFrom<Magic>(...MAGICS.filter((x) => x !== '00' && x !== '53')),
    weight: 10,
  },
  { arbitrary: fc.constant<Magic>('53'), weight: 1 },
);
const faceArb = fc.constantFrom(10_000, 20_000, 50_000, 100_000);
const commands = [
  fc.constantFrom(50_000, 100_000, 300_000).map((a) => new Fund(a)),
  fc.constantFrom(10_000, 200_000).map((a) => new Debit(a)),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, same]) => new ReplayFunding(i, same)),
  ...[1, 2, 3, 4].map(() =>
    fc
      .tuple(magicArb, fc.nat(99_999), faceArb, fc.boolean())
      .map(([g, mid, f, early]) => new Purchase(g, mid, f, early)),
  ),
  // Data goes to JoNet first, which refunds a definite failure at once: 62 there is "delivered after refund".
  fc.tuple(magicArb, fc.nat(99_999)).map(([g, mid]) => new Purchase(g, mid, 0, false, 'data')),
  fc.constant(new RequeryTick()),
  fc.constant(new RequeryTick()),
  fc.constantFrom(1, 2, 5).map((minutes) => new ShortTick(minutes)),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, twice]) => new Callback(i, twice)),
  fc.constant(new UnknownCallback()),
  fc.nat().map((i) => new ForgedCallback(i)),
  fc
    .tuple(fc.nat(), fc.constantFrom<'success' | 'failed'>('success', 'failed'))
    .map(([i, o]) => new AdminResolve(i, o)),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, same]) => new ReplaySale(i, same)),
  fc.constant(new Restart()),
];

// Most histories start with money in the wallet, so sales get past the funds check.
const history = fc.tuple(
  fc.option(fc.constantFrom(100_000, 1_000_000), { nil: undefined, freq: 6 }),
  fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }),
);

describe('model-based ledger proof', () => {
  it(
    `keeps I1–I9 and the modelled wallet after every step of ${RUNS} random histories`,
    async () => {
      expect(NOT_FOUND_GRACE_MS).toBeLessThan(TICK_MS);
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(history, async ([opening, cmds]) => {
          const h = await T.fork();
          const m = newModel(Date.now(), NOT_FOUND_GRACE_MS);
          const r: Real = { h, log: [] };
          try {
            await verify(m, r, 'start');
            const all = opening ? [new Fund(opening), ...cmds] : [...cmds];
            await fc.asyncModelRun(() => ({ model: m, real: r }), all);
          } finally {
            await h.close();
          }
        }),
        {
          numRuns: RUNS,
          seed: process.env.PROOF_SEED ? Number(process.env.PROOF_SEED) : undefined,
          path: process.env.PROOF_PATH,
          endOnFailure: process.env.PROOF_SHRINK === 'off',
          verbose: 1,
        },
      );
      console.info(
        `[proof] ${RUNS} histories in ${((Date.now() - started) / 1000).toFixed(1)} s; steps checked: ${[...ran].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      );
    },
    Math.max(600_000, RUNS * 3_000),
  );
});
