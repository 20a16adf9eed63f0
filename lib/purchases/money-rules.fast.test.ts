// The money rules of a sale, fast: the real purchase code on an in-memory database against the simulator's
// own wire handlers in-process (test/world). Expectations come from the simulator's
// published magic numbers and the money rules (reserve, settle once, ambiguity never refunds, NOT_FOUND
// only after the grace period and two answers in a row, callbacks are hints, one resolution), not from
// the code. This is the layer the mutation run (npm run test:mutation) kills mutants with.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ledgerEntries,
  products,
  purchaseAttempts,
  purchaseEvents,
  purchaseResolutions,
  purchases,
  requeryJobs,
} from '@/db/schema';
import { Refusal } from '@/lib/errors';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import type { ProviderId } from '@/lib/providers/registry';
import { createWorld, type MemoryWorld } from '@/test/world';
import { adminResolve } from './admin-resolve';
import { handleCallback } from './callbacks';
import { checkNow } from './check-now';
import { runRequeryPass } from './requery-worker';
import { listReviewQueue, STUCK_AFTER_MS } from './review';
import { NOT_FOUND_GRACE_MS } from './schedule';
import { startSale } from './start-sale';
import { first, rows } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let clock = Date.now();
const now = () => clock;
let n = 0;

async function world(fundMinor = 1_000_000) {
  w = await T.fork();
  clock = Date.now();
  if (fundMinor > 0) await w.fund(fundMinor);
  return w;
}

const airtime = async () =>
  (await first(
    w.db
      .select()
      .from(products)
      .where(
        and(
          eq(products.currency, 'NGN'),
          eq(products.network, 'MTN'),
          eq(products.type, 'airtime'),
          eq(products.active, true),
        ),
      ),
  ))!;
const phone = (lastTwo: string) =>
  `0803${String(10_000 + (++n % 90_000)).padStart(5, '0')}${lastTwo}`;
const cost = async (face: number) =>
  priceSale(face, await commissionBps(w.db, w.agentId, 'NGN', 'MTN', 'airtime')).agentCostMinor;
const wallet = async () => {
  const a = (await findWallet(w.db, w.agentId, 'NGN'))!;
  return { balance: a.balance, reserved: a.reserved };
};
const row = async (id: number) =>
  (await first(w.db.select().from(purchases).where(eq(purchases.id, id))))!;
const resolution = async (id: number) =>
  (
    await first(
      w.db.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, id)),
    )
  )?.outcome ?? 'held';
const job = async (id: number) =>
  await first(w.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, id)));
const ledgerRows = async () =>
  (await first(rows<{ n: number }>(w.db, sql`select count(*) as n from ${ledgerEntries}`)))!.n;
const clean = async () => expect(await allViolations(w.db)).toEqual([]);

async function sale(
  lastTwo: string,
  face = 10_000,
  key = `fast-${++n}-${Date.now()}`,
  phoneNumber = phone(lastTwo),
) {
  const result = await startSale(
    w.db,
    w.agentId,
    {
      idempotencyKey: key,
      productId: (await airtime()).id,
      phone: phoneNumber,
      network: 'MTN',
      amountMinor: face,
      confirmRepeat: true,
    },
    { now, provider: w.provider },
  );
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return { ...result.outcome, key, phone: phoneNumber };
}

const tick = async (ms: number) => {
  clock += ms;
  return await runRequeryPass(w.db, { now, owner: 'fast', provider: w.provider });
};
/** The simulator's record of the sale changes, as its timers would change it (pending → final, success → reversed). */
const simSays = (
  provider: string,
  reference: string,
  state: 'SUCCESS' | 'FAILED' | 'REVERSED' | 'PENDING',
) => {
  w.sim.book.get(provider as ProviderId, reference)!.state = state;
};

describe('a sale moves the money once', () => {
  it('00: settles at once; the wallet pays the agent cost, nothing stays reserved, no requery is scheduled', async () => {
    await world(100_000);
    const s = await sale('00', 10_000);
    expect(s.status).toBe('SUCCESS');
    expect(s.agentCostMinor).toBe(await cost(10_000));
    expect(s.agentCostMinor).toBeLessThan(10_000);
    expect(s.amountMinor - s.agentCostMinor).toBe(s.commissionMinor);
    expect(await wallet()).toEqual({ balance: 100_000 - s.agentCostMinor, reserved: 0 });
    expect(await resolution(s.purchaseId)).toBe('settled');
    expect((await row(s.purchaseId)).providerRef).toBeTruthy();
    expect((await row(s.purchaseId)).finalAt).toBe(clock);
    expect(await job(s.purchaseId)).toBeUndefined();
    expect(await tick(2 * HOUR)).toBe(0);
    await clean();
  });

  it('refuses a sale the wallet cannot pay for, in words, and writes nothing', async () => {
    await world(5_000);
    const before = await ledgerRows();
    const result = await startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: `poor-${++n}`,
        productId: (await airtime()).id,
        phone: phone('00'),
        network: 'MTN',
        amountMinor: 10_000,
        confirmRepeat: true,
      },
      { now, provider: w.provider },
    );
    expect(result).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        name: 'LedgerError',
        message: expect.stringMatching(/^Your wallet has .*; this sale needs /),
        code: 'INSUFFICIENT_FUNDS',
      }),
    });
    expect(await ledgerRows()).toBe(before);
    expect(await w.db.select().from(purchases)).toEqual([]);
    expect(w.sim.calls).toEqual([]);
  });

  it('a sale for exactly the balance goes through and leaves zero', async () => {
    await world(0);
    await w.fund(await cost(10_000));
    const s = await sale('00', 10_000);
    expect(s.status).toBe('SUCCESS');
    expect(await wallet()).toEqual({ balance: 0, reserved: 0 });
    await clean();
  });

  it('replaying the idempotency key returns the same sale and writes nothing; another body with it is refused', async () => {
    await world();
    const s = await sale('00');
    const before = await ledgerRows();
    const again = await startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: s.key,
        productId: (await airtime()).id,
        phone: s.phone,
        network: 'MTN',
        amountMinor: 10_000,
        confirmRepeat: true,
      },
      { now, provider: w.provider, replayWaitMs: 0 },
    );
    expect(again).toEqual({
      ok: true,
      outcome: expect.objectContaining({
        purchaseId: s.purchaseId,
        status: 'SUCCESS',
        reference: s.reference,
      }),
    });
    const other = await startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: s.key,
        productId: (await airtime()).id,
        phone: s.phone,
        network: 'MTN',
        amountMinor: 20_000,
        confirmRepeat: true,
      },
      { now, provider: w.provider, replayWaitMs: 0 },
    );
    expect(other).toEqual({
      ok: false,
      refusal: new Refusal('This form was already used for a different sale. Start a new sale.'),
    });
    expect(await ledgerRows()).toBe(before);
    expect(w.sim.calls.filter((c) => c.includes('pay'))).toHaveLength(1);
  });
});

describe('ambiguity holds the money until a definite answer', () => {
  it.each([
    ['51', 'PENDING'],
    ['53', 'UNKNOWN'],
    ['54', 'UNKNOWN'],
    ['55', 'UNKNOWN'],
    ['56', 'PENDING'],
    ['58', 'PENDING'],
    ['61', 'UNKNOWN'],
  ])('%s: answers %s, keeps the cost reserved and schedules a requery', async (magic, status) => {
    await world(100_000);
    const s = await sale(magic, 10_000);
    expect(s.status).toBe(status);
    expect(await wallet()).toEqual({
      balance: 100_000 - s.agentCostMinor,
      reserved: s.agentCostMinor,
    });
    expect(await resolution(s.purchaseId)).toBe('held');
    expect((await row(s.purchaseId)).finalAt).toBeNull();
    // the first requery 30 s after the answer (VTpass is first on the MTN airtime route).
    expect(s.provider).toBe('vtpass');
    expect((await job(s.purchaseId))?.nextAt).toBe(clock + 30_000);
    await clean();
  });

  it('the requery worker asks nothing before the job is due, then applies the answer once', async () => {
    await world(100_000);
    const s = await sale('51');
    expect(await tick(29_000)).toBe(0);
    simSays('vtpass', s.reference, 'SUCCESS');
    expect(await tick(1_000)).toBe(1);
    expect((await row(s.purchaseId)).status).toBe('SUCCESS');
    expect(await wallet()).toEqual({ balance: 100_000 - s.agentCostMinor, reserved: 0 });
    expect(await job(s.purchaseId)).toBeUndefined();
    expect(await tick(HOUR)).toBe(0);
    await clean();
  });

  it('a still-pending answer pushes the next requery out along the schedule (30 s, 1, 2, 5 min …)', async () => {
    await world();
    const s = await sale('58');
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      const due = (await job(s.purchaseId))!.nextAt;
      clock = due;
      expect(await runRequeryPass(w.db, { now, owner: 'fast', provider: w.provider })).toBe(1);
      gaps.push((await job(s.purchaseId))!.nextAt - clock);
    }
    expect(gaps).toEqual([MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE]);
    expect((await row(s.purchaseId)).status).toBe('PENDING');
    await clean();
  });

  it('58: pending forever ends in manual review when the requery budget is spent, money still held', async () => {
    await world(100_000);
    const s = await sale('58');
    let passes = 0;
    while ((await job(s.purchaseId)) && passes < 100) {
      passes += await tick(2 * HOUR);
    }
    expect((await row(s.purchaseId)).status).toBe('MANUAL_REVIEW');
    expect(passes).toBeGreaterThanOrEqual(28); // 30 s … 30 min, then hourly to 24 h
    expect(await wallet()).toEqual({
      balance: 100_000 - s.agentCostMinor,
      reserved: s.agentCostMinor,
    });
    expect(await resolution(s.purchaseId)).toBe('held');
    expect((await listReviewQueue(w.db, clock)).map((r) => r.purchase.id)).toContain(s.purchaseId);
    await clean();
  });

  it.each([
    ['51', 'SUCCESS', 'settled'],
    ['52', 'FAILED', 'refunded'],
    ['53', 'SUCCESS', 'settled'],
    ['55', 'SUCCESS', 'settled'],
    ['56', 'SUCCESS', 'settled'],
    ['61', 'SUCCESS', 'settled'],
  ])('%s: the requery finds it %s and the money is %s', async (magic, final, money) => {
    await world(100_000);
    const s = await sale(magic, 10_000);
    if (magic === '51') simSays('vtpass', s.reference, 'SUCCESS');
    if (magic === '52') simSays('vtpass', s.reference, 'FAILED');
    expect(await tick(HOUR)).toBe(1);
    expect((await row(s.purchaseId)).status).toBe(final);
    expect(await resolution(s.purchaseId)).toBe(money);
    expect(await wallet()).toEqual({
      balance: money === 'settled' ? 100_000 - s.agentCostMinor : 100_000,
      reserved: 0,
    });
    await clean();
  });
});

describe('not found is failed only after the grace period and two answers in a row', () => {
  it('54: one NOT_FOUND after the grace period is not enough; the second refunds', async () => {
    await world(100_000);
    const s = await sale('54');
    expect(await tick(NOT_FOUND_GRACE_MS + MINUTE)).toBe(1);
    expect((await row(s.purchaseId)).status).not.toBe('FAILED');
    expect(await resolution(s.purchaseId)).toBe('held');
    expect(await tick(HOUR)).toBe(1);
    expect((await row(s.purchaseId)).status).toBe('FAILED');
    expect(await resolution(s.purchaseId)).toBe('refunded');
    expect(await wallet()).toEqual({ balance: 100_000, reserved: 0 });
    await clean();
  });

  it('54: NOT_FOUND answers inside the grace period count for nothing; two after it refund', async () => {
    await world(100_000);
    const s = await sale('54');
    const opened = clock;
    clock = (await job(s.purchaseId))!.nextAt;
    await runRequeryPass(w.db, { now, owner: 'fast', provider: w.provider });
    clock = (await job(s.purchaseId))!.nextAt;
    await runRequeryPass(w.db, { now, owner: 'fast', provider: w.provider });
    expect(clock - opened).toBeLessThan(NOT_FOUND_GRACE_MS);
    expect(await resolution(s.purchaseId)).toBe('held');
    expect((await row(s.purchaseId)).status).toBe('PENDING');
    clock = opened + NOT_FOUND_GRACE_MS - 1;
    await w.db
      .update(requeryJobs)
      .set({ nextAt: clock })
      .where(eq(requeryJobs.purchaseId, s.purchaseId));
    await runRequeryPass(w.db, { now, owner: 'fast', provider: w.provider });
    expect(await resolution(s.purchaseId)).toBe('held');
    // Only answers from the end of the grace period on count: two of them refund.
    clock = opened + NOT_FOUND_GRACE_MS;
    await w.db
      .update(requeryJobs)
      .set({ nextAt: clock })
      .where(eq(requeryJobs.purchaseId, s.purchaseId));
    await runRequeryPass(w.db, { now, owner: 'fast', provider: w.provider });
    expect(await resolution(s.purchaseId)).toBe('held');
    await tick(HOUR);
    expect(await resolution(s.purchaseId)).toBe('refunded');
    await clean();
  });

  it('a pending answer between two NOT_FOUND answers breaks the run', async () => {
    await world(100_000);
    const s = await sale('54');
    await tick(NOT_FOUND_GRACE_MS + MINUTE); // NOT_FOUND #1
    // The provider now knows the reference and says pending: the run starts over.
    w.sim.book.purchase({
      provider: 'vtpass',
      reference: s.reference,
      phone: phone('58'),
      network: 'MTN',
      service: 'airtime',
      amountMinor: 10_000,
    });
    await tick(HOUR);
    w.sim.book.get('vtpass', s.reference)!.reference = 'gone';
    (w.sim.book as unknown as { sales: Map<string, unknown> }).sales.delete(
      `vtpass:${s.reference}`,
    );
    await tick(HOUR); // NOT_FOUND, but only one in a row
    expect(await resolution(s.purchaseId)).toBe('held');
    await tick(HOUR); // the second in a row
    expect(await resolution(s.purchaseId)).toBe('refunded');
    await clean();
  });
});

describe('late answers after a resolution', () => {
  it('57: a reversal after the settle refunds once, however often it is reported', async () => {
    await world(100_000);
    const s = await sale('57');
    expect(s.status).toBe('SUCCESS');
    simSays('vtpass', s.reference, 'REVERSED');
    const cb = w.sim.callbackFor('vtpass', s.reference)!;
    expect((await handleCallback(w.db, 'vtpass', cb, w.provider, now)).outcome).toBe('applied');
    expect((await row(s.purchaseId)).status).toBe('REVERSED');
    expect(await wallet()).toEqual({ balance: 100_000, reserved: 0 });
    expect((await handleCallback(w.db, 'vtpass', cb, w.provider, now)).outcome).toBe('duplicate');
    // Another report inside the minute is not even requeried (callbacks cannot make us hammer the provider) …
    const other = { ...cb, rawBody: cb.rawBody.replace('"type"', '"again":1,"type"') };
    expect((await handleCallback(w.db, 'vtpass', other, w.provider, now)).outcome).toBe(
      'rate_limited',
    );
    // … and after it, the requery it causes finds the same reversal, which refunds nothing more.
    clock += MINUTE;
    const third = { ...cb, rawBody: cb.rawBody.replace('"type"', '"third":1,"type"') };
    expect((await handleCallback(w.db, 'vtpass', third, w.provider, now)).outcome).toBe('applied');
    expect(await wallet()).toEqual({ balance: 100_000, reserved: 0 });
    await clean();
  });

  it('a refunded sale stays refunded when a success arrives later (no money moves on it)', async () => {
    await world(100_000);
    const s = await sale('52');
    simSays('vtpass', s.reference, 'FAILED');
    await tick(HOUR);
    expect(await resolution(s.purchaseId)).toBe('refunded');
    simSays('vtpass', s.reference, 'SUCCESS');
    await handleCallback(
      w.db,
      'vtpass',
      w.sim.callbackFor('vtpass', s.reference)!,
      w.provider,
      now,
    );
    expect(await resolution(s.purchaseId)).toBe('refunded');
    expect(await wallet()).toEqual({ balance: 100_000, reserved: 0 });
    await clean();
  });
});

describe('callbacks are hints: the requery decides', () => {
  it('a success callback for a sale the provider still has pending moves nothing', async () => {
    await world(100_000);
    const s = await sale('51');
    simSays('vtpass', s.reference, 'SUCCESS');
    const forged = w.sim.callbackFor('vtpass', s.reference)!;
    simSays('vtpass', s.reference, 'PENDING');
    expect((await handleCallback(w.db, 'vtpass', forged, w.provider, now)).outcome).toBe('applied');
    expect(await resolution(s.purchaseId)).toBe('held');
    expect((await row(s.purchaseId)).status).toBe('PENDING');
    await clean();
  });

  it('a true callback resolves the sale; its replay is a duplicate; strangers and garbage change nothing', async () => {
    await world(100_000);
    const s = await sale('51');
    simSays('vtpass', s.reference, 'SUCCESS');
    const cb = w.sim.callbackFor('vtpass', s.reference)!;
    const first = await handleCallback(w.db, 'vtpass', cb, w.provider, now);
    expect(first).toEqual({
      outcome: 'applied',
      ack: { status: 200, body: '{"response":"success"}', contentType: 'application/json' },
    });
    expect((await row(s.purchaseId)).status).toBe('SUCCESS');
    expect((await handleCallback(w.db, 'vtpass', cb, w.provider, now)).outcome).toBe('duplicate');
    const stranger = { ...cb, rawBody: cb.rawBody.replaceAll(s.reference, '202601011200unknown1') };
    expect((await handleCallback(w.db, 'vtpass', stranger, w.provider, now)).outcome).toBe(
      'unknown_reference',
    );
    expect(
      (await handleCallback(w.db, 'vtpass', { ...cb, rawBody: 'not json' }, w.provider, now))
        .outcome,
    ).toBe('ignored');
    // The reference is ours, but on another provider: not ours there.
    expect(
      (
        await handleCallback(
          w.db,
          'cwg',
          {
            ...cb,
            rawBody: JSON.stringify({ transactionReference: s.reference, status: 'SUCCESSFUL' }),
          },
          w.provider,
          now,
        )
      ).outcome,
    ).toBe('unknown_reference');
    expect(await wallet()).toEqual({ balance: 100_000 - s.agentCostMinor, reserved: 0 });
    await clean();
  });
});

describe('admin resolution and check now', () => {
  it('an admin resolves a held sale once, either way; a resolved sale refuses a second decision', async () => {
    await world(100_000);
    const a = await sale('58');
    const b = await sale('58');
    expect(
      await adminResolve(w.db, SYSTEM_ACTOR, a.purchaseId, 'success', 'operator confirmed', clock),
    ).toBe('SUCCESS');
    expect(
      await adminResolve(w.db, SYSTEM_ACTOR, b.purchaseId, 'failed', 'operator says no', clock),
    ).toBe('FAILED');
    expect([await resolution(a.purchaseId), await resolution(b.purchaseId)]).toEqual([
      'settled',
      'refunded',
    ]);
    expect([await job(a.purchaseId), await job(b.purchaseId)]).toEqual([undefined, undefined]);
    expect(await wallet()).toEqual({ balance: 100_000 - a.agentCostMinor, reserved: 0 });
    await expect(
      adminResolve(w.db, SYSTEM_ACTOR, a.purchaseId, 'failed', 'again', clock),
    ).rejects.toThrowError(/already resolved \(settled\)/);
    await expect(
      adminResolve(w.db, SYSTEM_ACTOR, 999_999, 'failed', 'x', clock),
    ).rejects.toThrowError('No such sale.');
    const events = (
      await w.db.select().from(purchaseEvents).where(eq(purchaseEvents.purchaseId, a.purchaseId))
    ).map((e) => e.kind);
    expect(events).toContain('admin_resolution');
    await clean();
  });

  it("check now asks the provider about the agent's own pending sale, at most once per 15 s", async () => {
    await world(100_000);
    const s = await sale('51');
    expect(await checkNow(w.db, w.agentId + 1, s.purchaseId, w.provider)).toEqual({
      ok: false,
      refusal: new Refusal('No such sale.'),
    });
    simSays('vtpass', s.reference, 'PENDING');
    expect(await checkNow(w.db, w.agentId, s.purchaseId, w.provider)).toEqual({
      ok: true,
      outcome: expect.objectContaining({ status: 'PENDING' }),
    });
    simSays('vtpass', s.reference, 'SUCCESS');
    expect(await checkNow(w.db, w.agentId, s.purchaseId, w.provider)).toEqual({
      ok: false,
      refusal: new Refusal('We just checked this sale. Try again in a few seconds.'),
    });
    expect(await resolution(s.purchaseId)).toBe('held');
    const done = await sale('00');
    const calls = w.sim.calls.length;
    expect(await checkNow(w.db, w.agentId, done.purchaseId, w.provider)).toEqual({
      ok: true,
      outcome: expect.objectContaining({ status: 'SUCCESS', purchaseId: done.purchaseId }),
    });
    expect(w.sim.calls.length, 'a final sale is not requeried').toBe(calls);
    await clean();
  });

  it('the review queue lists manual review and sales pending longer than the stuck threshold, oldest first', async () => {
    await world(100_000);
    const old = await sale('58');
    clock += STUCK_AFTER_MS + 1;
    const fresh = await sale('58');
    const queue = (await listReviewQueue(w.db, clock)).map((r) => r.purchase.id);
    expect(queue).toEqual([old.purchaseId]);
    expect(
      (await listReviewQueue(w.db, clock + STUCK_AFTER_MS + 1)).map((r) => r.purchase.id),
    ).toEqual([old.purchaseId, fresh.purchaseId]);
    expect(await listReviewQueue(w.db, clock, 1)).toHaveLength(1);
  });
});

describe('every answer is kept for audit', () => {
  it("records the attempt's provider code and an event per answer", async () => {
    await world(100_000);
    const s = await sale('51');
    const attempt = (await first(
      w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.purchaseId, s.purchaseId)),
    ))!;
    expect(attempt.providerCode).toMatch(/^000/);
    simSays('vtpass', s.reference, 'SUCCESS');
    await tick(HOUR);
    const kinds = (
      await w.db.select().from(purchaseEvents).where(eq(purchaseEvents.purchaseId, s.purchaseId))
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['provider_answer', 'requery', 'settled']));
  });
});
