// Races on one sale: the same idempotency key 20 times at once, and a callback, a requery and an admin
// resolving the same pending sale in every order and concurrently. Exactly one resolution, at most one
// refund, one reversal, and the books hold.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseResolutions, purchases } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { fundWallet } from '@/lib/ledger/funding';
import { allViolations } from '@/lib/ledger/invariants';
import { adminResolve } from '@/lib/purchases/admin-resolve';
import { handleCallback } from '@/lib/purchases/callbacks';
import { runRequeryPass } from '@/lib/purchases/requery-worker';
import { startSale } from '@/lib/purchases/start-sale';
import type { Db } from '@/db';
import type { World } from '@/test/world';
import { count, magicPhone, proofWorld, sleep } from './helpers';
import { first, rows } from '@/db/query';

let T: World;
beforeAll(async () => {
  T = await proofWorld(1_000);
}, 120_000);
afterAll(async () => T?.close());

const ADMIN = { userId: null, label: 'admin@proof.test', ip: '127.0.0.1' };
let n = 0;

async function funded(): Promise<World> {
  const h = await T.fork();
  await fundWallet(h.db, SYSTEM_ACTOR, {
    agentId: T.agentId,
    currency: 'NGN',
    amount: 1_000_000,
    direction: 'credit',
    reference: 'race',
    reason: 'x',
  });
  return h;
}

async function pendingSale(db: Db, magic: string) {
  const phone = magicPhone(30_000 + ++n, magic);
  const result = await startSale(db, T.agentId, {
    idempotencyKey: `race-${n}-${Date.now()}`,
    productId: T.airtime.id,
    phone,
    network: 'MTN',
    amountMinor: 10_000,
  });
  if (!result.ok) throw new Error(result.refusal.message);
  T.sim.release(phone); // the provider's record turns final (or reversed) now, not on its timer
  return result.outcome;
}

const vtpassCallback = (reference: string, code = '000', status = 'delivered') => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  query: {},
  rawBody: JSON.stringify({
    type: 'transaction-update',
    data: { code, content: { transactions: { status } }, requestId: reference },
  }),
});

const money = async (db: Db, purchaseId: number) =>
  (await first(
    rows<{ resolutions: number; refunds: number; settles: number; reversals: number }>(
      db,
      sql`
    select (select count(*) from purchase_resolutions where purchase_id = ${purchaseId}) as resolutions,
      (select count(*) from ledger_entries where purchase_id = ${purchaseId} and kind = 'refund') as refunds,
      (select count(*) from ledger_entries where purchase_id = ${purchaseId} and kind = 'settle_cost') as settles,
      (select count(*) from purchase_reversals where purchase_id = ${purchaseId}) as reversals`,
    ),
  ))!;

describe('idempotency under concurrency, in one process', () => {
  it.each(['00', '51', '53', '59'])(
    '20 identical requests at once (number ending %s): one sale, one reservation, 20 identical answers',
    async (magic) => {
      const h = await funded();
      try {
        const input = {
          idempotencyKey: `twenty-${magic}-${Date.now()}`,
          productId: T.airtime.id,
          phone: magicPhone(4_343, magic),
          network: 'MTN',
          amountMinor: 10_000,
        };
        const answers = await Promise.all(
          Array.from({ length: 20 }, async () => await startSale(h.db, T.agentId, input)),
        );
        expect(answers[0]).toMatchObject({ ok: true });
        for (const a of answers) expect(a).toEqual(answers[0]);
        expect(await count(h.db, `purchases where agent_id = ${T.agentId}`)).toBe(1);
        expect(await count(h.db, `ledger_entries where kind = 'reserve'`)).toBe(1);
        expect(await allViolations(h.db)).toEqual([]);
      } finally {
        await h.close();
      }
    },
  );
});

type Writer = 'callback' | 'requery' | 'admin';
const ORDERS: Writer[][] = [
  ['callback', 'requery', 'admin'],
  ['callback', 'admin', 'requery'],
  ['requery', 'callback', 'admin'],
  ['requery', 'admin', 'callback'],
  ['admin', 'callback', 'requery'],
  ['admin', 'requery', 'callback'],
];
const TRUTH: Record<string, 'SUCCESS' | 'FAILED'> = { '51': 'SUCCESS', '52': 'FAILED' };

describe('callback, requery and admin resolve the same pending sale', () => {
  const cases = ORDERS.flatMap((order) =>
    ['51', '52'].flatMap((magic) =>
      (['success', 'failed'] as const).map((admin) => ({ order, magic, admin })),
    ),
  );

  it.each(cases)(
    'in order $order (number ending $magic, admin says $admin): the first writer decides, once',
    async ({ order, magic, admin }) => {
      const h = await funded();
      try {
        const sale = await pendingSale(h.db, magic);
        const adminVerdict = admin === 'success' ? 'SUCCESS' : 'FAILED';
        const expected = order[0] === 'admin' ? adminVerdict : TRUTH[magic];
        let clock = Date.now();
        for (const writer of order) {
          clock += 20 * 60_000;
          if (writer === 'callback') {
            expect(
              (
                await handleCallback(
                  h.db,
                  'vtpass',
                  vtpassCallback(sale.reference),
                  undefined,
                  () => clock,
                )
              ).outcome,
            ).toBe('applied');
          } else if (writer === 'requery') {
            await runRequeryPass(h.db, { now: () => clock });
          } else if (writer === order[0]) {
            expect(await adminResolve(h.db, ADMIN, sale.purchaseId, admin, 'race', clock)).toBe(
              adminVerdict,
            );
          } else {
            await expect(
              adminResolve(h.db, ADMIN, sale.purchaseId, admin, 'race', clock),
            ).rejects.toThrowError(/already resolved/);
          }
          expect(await allViolations(h.db)).toEqual([]);
        }
        expect(
          (await first(h.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId))))
            ?.status,
        ).toBe(expected);
        expect(await money(h.db, sale.purchaseId)).toEqual({
          resolutions: 1,
          refunds: expected === 'FAILED' ? 1 : 0,
          settles: expected === 'SUCCESS' ? 1 : 0,
          reversals: 0,
        });
        const resolution = await first(
          h.db
            .select()
            .from(purchaseResolutions)
            .where(eq(purchaseResolutions.purchaseId, sale.purchaseId)),
        );
        expect(resolution?.resolvedBy).toBe(order[0] === 'admin' ? 'admin' : order[0]);
      } finally {
        await h.close();
      }
    },
  );

  it.each(['51', '52'])(
    'all three at once, 8 times (number ending %s): one resolution, at most one refund',
    async (magic) => {
      for (let round = 0; round < 8; round += 1) {
        const h = await funded();
        try {
          const sale = await pendingSale(h.db, magic);
          const clock = Date.now() + 20 * 60_000;
          const admin = round % 2 === 0 ? 'success' : 'failed';
          const settled = await Promise.allSettled([
            handleCallback(h.db, 'vtpass', vtpassCallback(sale.reference), undefined, () => clock),
            runRequeryPass(h.db, { now: () => clock }),
            sleep(round * 3).then(
              async () => await adminResolve(h.db, ADMIN, sale.purchaseId, admin, 'race', clock),
            ),
          ]);
          // Only the admin may be told "already resolved"; nothing else may fail.
          expect(settled[0].status).toBe('fulfilled');
          expect(settled[1].status).toBe('fulfilled');
          if (settled[2].status === 'rejected')
            expect(String(settled[2].reason)).toMatch(/already resolved/);
          const m = await money(h.db, sale.purchaseId);
          expect(m.resolutions).toBe(1);
          expect(m.refunds + m.settles).toBe(1);
          expect(m.refunds).toBeLessThanOrEqual(1);
          const status = (
            await first(h.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId)))
          )?.status;
          expect(status).toBe(m.refunds === 1 ? 'FAILED' : 'SUCCESS');
          expect(await allViolations(h.db)).toEqual([]);
        } finally {
          await h.close();
        }
      }
    },
  );

  it('a late reversal reported by two different callbacks and a requery at once refunds exactly once', async () => {
    const h = await funded();
    try {
      const phone = magicPhone(31_000, '57');
      const sale = await startSale(h.db, T.agentId, {
        idempotencyKey: `rev-${Date.now()}`,
        productId: T.airtime.id,
        phone,
        network: 'MTN',
        amountMinor: 10_000,
      });
      if (!sale.ok) throw new Error(sale.refusal.message);
      expect(sale.outcome.status).toBe('SUCCESS');
      T.sim.release(phone); // the reversal happens now
      const clock = Date.now() + 60_000;
      const results = await Promise.all([
        handleCallback(
          h.db,
          'vtpass',
          vtpassCallback(sale.outcome.reference, '040', 'reversed'),
          undefined,
          () => clock,
        ),
        handleCallback(
          h.db,
          'vtpass',
          vtpassCallback(sale.outcome.reference),
          undefined,
          () => clock,
        ),
        handleCallback(
          h.db,
          'vtpass',
          vtpassCallback(sale.outcome.reference),
          undefined,
          () => clock,
        ),
        runRequeryPass(h.db, { now: () => clock }),
      ]);
      const heard = results
        .slice(0, 3)
        .map((r) => (typeof r === 'number' ? r : r.outcome))
        .sort();
      // One callback requery per sale a minute. The two identical callbacks race: the one that loses
      // may already see the winner's record (a duplicate) or only its rate limit: the interleaving
      // decides (PostgreSQL runs them truly at once).
      expect([
        ['applied', 'rate_limited', 'rate_limited'],
        ['applied', 'duplicate', 'rate_limited'],
      ]).toContainEqual(heard);
      expect(await money(h.db, sale.outcome.purchaseId)).toEqual({
        resolutions: 1,
        refunds: 0,
        settles: 1,
        reversals: 1,
      });
      expect(
        await count(
          h.db,
          `ledger_entries where purchase_id = ${sale.outcome.purchaseId} and kind = 'reversal'`,
        ),
      ).toBeGreaterThan(0);
      expect(
        (
          await first(
            h.db.select().from(purchases).where(eq(purchases.id, sale.outcome.purchaseId)),
          )
        )?.status,
      ).toBe('REVERSED');
      expect(await allViolations(h.db)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
