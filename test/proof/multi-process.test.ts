// Real OS processes sharing one database file: double spend and idempotency across processes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { findWallet } from '@/lib/ledger/accounts';
import { fundWallet } from '@/lib/ledger/funding';
import { allViolations } from '@/lib/ledger/invariants';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { formatMoney } from '@/lib/money';
import type { StartSaleResult } from '@/lib/purchases/start-sale';
import type { World } from '@/test/world';
import { count, magicPhone, proofWorld } from './helpers';
import { runWorker } from './processes';
import { first, rows } from '@/db/query';

let T: World;
beforeAll(async () => {
  T = await proofWorld(2_000);
}, 120_000);
afterAll(async () => T?.close());

const FACE = 10_000;

async function costOf(db: Parameters<typeof commissionBps>[0]) {
  return priceSale(FACE, await commissionBps(db, T.agentId, 'NGN', 'MTN', 'airtime'))
    .agentCostMinor;
}

describe('double spend across processes', () => {
  it.each([
    [2, 4, 3],
    [4, 3, 5],
  ])(
    '%i processes firing %i sales each at a wallet funded for exactly %i: exactly that many succeed, the balance ends at zero',
    async (processes, each, k) => {
      const h = await T.fork();
      try {
        const cost = await costOf(h.db);
        await fundWallet(h.db, SYSTEM_ACTOR, {
          agentId: T.agentId,
          currency: 'NGN',
          amount: k * cost,
          direction: 'credit',
          reference: `exact-${k}`,
          reason: 'exactly k sales',
        });
        const startAt = Date.now() + 2_500;
        let n = 0;
        const outputs = await Promise.all(
          Array.from({ length: processes }, (_, p) =>
            runWorker(h.file, {
              kind: 'sell',
              agentId: T.agentId,
              productId: T.airtime.id,
              startAt,
              sales: Array.from({ length: each }, () => ({
                key: `spend-${p}-${++n}-${Date.now()}`,
                phone: magicPhone(10_000 + n, '00'),
                amountMinor: FACE,
              })),
            }),
          ),
        );
        for (const o of outputs) expect(o, o.stderr).toMatchObject({ code: 0, signal: null });
        const results = outputs.flatMap(
          (o) => JSON.parse(o.stdout.trim()) as (StartSaleResult & { thrown?: boolean })[],
        );
        expect(results).toHaveLength(processes * each);
        const sold = results.filter((r) => r.ok);
        const refused = results.filter((r) => !r.ok);
        expect(sold).toHaveLength(k);
        for (const r of sold)
          expect(r).toMatchObject({
            ok: true,
            outcome: { status: 'SUCCESS', agentCostMinor: cost },
          });
        // Every refusal is the wallet's own words: no SQLITE_BUSY, no crash, reaches a caller.
        const needs = formatMoney(cost, 'NGN');
        for (const r of refused)
          expect(r).toEqual({
            ok: false,
            // The refusal as JSON (Refusal.toJSON): the worker prints its results.
            refusal: {
              name: 'LedgerError',
              code: 'INSUFFICIENT_FUNDS',
              message: expect.stringMatching(
                new RegExp(
                  `^Your wallet has ₦[\\d,.]+; this sale needs ${needs.replace(/[.₦]/g, '\\$&')}\\.$`,
                ),
              ),
            },
          });
        h.restart();
        expect(await findWallet(h.db, T.agentId, 'NGN')).toMatchObject({ balance: 0, reserved: 0 });
        expect(await count(h.db, 'purchases where agent_id = ' + T.agentId)).toBe(k);
        expect(await allViolations(h.db)).toEqual([]);
      } finally {
        await h.close();
      }
    },
    90_000,
  );
});

describe('idempotency under concurrency', () => {
  it.each(['00', '51', '53'])(
    'one key sent 20 times across 4 processes (number ending %s) is one sale with 20 identical answers',
    async (magic) => {
      const h = await T.fork();
      try {
        await fundWallet(h.db, SYSTEM_ACTOR, {
          agentId: T.agentId,
          currency: 'NGN',
          amount: 1_000_000,
          direction: 'credit',
          reference: 'idem',
          reason: 'x',
        });
        const key = `same-key-${magic}-${Date.now()}`;
        const phone = magicPhone(4242, magic);
        const startAt = Date.now() + 2_500;
        const outputs = await Promise.all(
          [0, 1, 2, 3].map(() =>
            runWorker(h.file, {
              kind: 'sell',
              agentId: T.agentId,
              productId: T.airtime.id,
              startAt,
              sales: Array.from({ length: 5 }, () => ({ key, phone, amountMinor: FACE })),
            }),
          ),
        );
        for (const o of outputs) expect(o, o.stderr).toMatchObject({ code: 0, signal: null });
        const results = outputs.flatMap((o) => JSON.parse(o.stdout.trim()) as StartSaleResult[]);
        expect(results).toHaveLength(20);
        expect(results[0]).toMatchObject({ ok: true });
        for (const r of results) expect(r).toEqual(results[0]);
        expect(await count(h.db, 'purchases where agent_id = ' + T.agentId)).toBe(1);
        expect(await count(h.db, `ledger_entries where kind = 'reserve'`)).toBe(1);
        expect(
          (await first(rows<{ n: number }>(h.db, sql`select count(*) as n from purchase_attempts`)))
            ?.n,
        ).toBe(1);
        expect(await allViolations(h.db)).toEqual([]);
      } finally {
        await h.close();
      }
    },
    90_000,
  );
});
