// The agent's sales history, fast (in-memory world, in-process simulator): only the agent's own sales,
// newest first, paged with a true total; each filter (status group, day range, network, a reference or
// part of the number) narrows to exactly the sales it names; the polling read sees only the agent's own.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productSources, products, purchases } from '@/db/schema';
import { priceSale } from '@/lib/catalogue/pricing';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { createWorld, type MemoryWorld } from '@/test/world';
import { billProduct, HELPER_COMMISSION_BPS, sellTo } from '@/test/world/sales';
import { openSale } from './open';
import type { SaleOutcome } from './outcome';
import { listAllSalesForAgent, listSalesForAgent, statusesForAgent } from './history';
import { first } from '@/db/query';

const MINUTE = 60_000;
let T: MemoryWorld;
let w: MemoryWorld;
let other: number;
const t0 = Date.UTC(2026, 10, 2, 9, 0); // any fixed day; the sales are a minute apart
const id: Record<string, number> = {};
const ref: Record<string, SaleOutcome> = {};

beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
  w = await T.fork();
  await w.fund(1_000_000);
  other = await w.newAgent(1_000_000);
  const glo = await w.product({ network: 'GLO', type: 'airtime' });
  const sales = [
    ['success', { ending: '00', stem: '080311122' }], // 08031112200
    ['pending', { ending: '58', stem: '080322233' }],
    ['failed', { ending: '60', stem: '080333344' }], // every provider on the route: try again
    ['glo', { ending: '01', stem: '080544455', product: glo }],
    ['unknown', { ending: '53', stem: '080355566' }], // held past the timeout: UNKNOWN
    ['review', { ending: '58', stem: '080366677' }],
    ['reversed', { ending: '02', stem: '080377788' }],
  ] as const;
  for (const [i, [name, o]] of sales.entries()) {
    const { outcome } = await sellTo(w, { ...o, at: t0 + i * MINUTE });
    id[name] = outcome.purchaseId;
    ref[name] = outcome;
  }
  // Another agent's sale to the same number as "success": never in this agent's history.
  id.others = (
    await sellTo(w, { ending: '00', stem: '080311122', agentId: other, at: t0 + 10 * MINUTE })
  ).outcome.purchaseId;
  // States the history only reads: set directly (the engine's paths to them are tested elsewhere).
  await setStatus(id.review!, 'MANUAL_REVIEW');
  await setStatus(id.reversed!, 'REVERSED');
}, 60_000);
afterAll(async () => {
  await w?.close();
  await T?.close();
});

async function setStatus(purchaseId: number, status: 'MANUAL_REVIEW' | 'REVERSED') {
  await w.db.update(purchases).set({ status }).where(eq(purchases.id, purchaseId));
}
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
const list = async (f: Parameters<typeof listSalesForAgent>[2], page?: number, size?: number) =>
  await listSalesForAgent(w.db, w.agentId, f, page, size);

describe('the sales history', () => {
  it('the sales were made as arranged', async () => {
    const status = async (name: string) =>
      (await first(w.db.select().from(purchases).where(eq(purchases.id, id[name]!))))!.status;
    expect(
      await Promise.all(['success', 'pending', 'failed', 'glo', 'unknown'].map(status)),
    ).toEqual(['SUCCESS', 'PENDING', 'FAILED', 'SUCCESS', 'UNKNOWN']);
  });

  it("lists only the agent's own sales, newest first, with the product's name", async () => {
    const all = await list({});
    expect(ids(all.rows)).toEqual(
      ['reversed', 'review', 'unknown', 'glo', 'failed', 'pending', 'success'].map((n) => id[n]),
    );
    expect(all).toMatchObject({ total: 7, page: 1, pageSize: 25 });
    expect(all.rows[3]).toMatchObject({ network: 'GLO', phone: '08054445501' });
    expect(all.rows[3]!.productName).toBe(
      (await w.product({ network: 'GLO', type: 'airtime' })).name,
    );
    expect(ids((await listSalesForAgent(w.db, other, {})).rows)).toEqual([id.others]);
  });

  it('pages with the total of every matching sale', async () => {
    expect(await list({}, 2, 3)).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(ids((await list({}, 2, 3)).rows)).toEqual([id.glo, id.failed, id.pending]);
    expect(ids((await list({}, 3, 3)).rows)).toEqual([id.success]);
    expect(await list({ network: 'AIRTEL' })).toMatchObject({ rows: [], total: 0 });
  });

  it('filters by status group: pending (either waiting status), success, failed or reversed, review', async () => {
    expect(ids((await list({ status: 'pending' })).rows)).toEqual([id.unknown, id.pending]);
    expect(ids((await list({ status: 'success' })).rows)).toEqual([id.glo, id.success]);
    expect(ids((await list({ status: 'failed' })).rows)).toEqual([id.reversed, id.failed]);
    expect(ids((await list({ status: 'review' })).rows)).toEqual([id.review]);
    expect((await list({ status: 'success' })).total).toBe(2);
  });

  it('filters by time: from is included, to is not', async () => {
    expect(ids((await list({ from: t0 + MINUTE, to: t0 + 3 * MINUTE })).rows)).toEqual([
      id.failed,
      id.pending,
    ]);
    expect(ids((await list({ from: t0 + 5 * MINUTE })).rows)).toEqual([id.reversed, id.review]);
    expect(ids((await list({ to: t0 + MINUTE })).rows)).toEqual([id.success]);
  });

  it('filters by network', async () => {
    expect(ids((await list({ network: 'GLO' })).rows)).toEqual([id.glo]);
  });

  it('finds a sale by its reference or the provider’s, trimmed, or by four or more digits of the number', async () => {
    expect(ids((await list({ q: ` ${ref.failed!.reference} ` })).rows)).toEqual([id.failed]);
    const withProviderRef = Object.keys(ref).find((n) => ref[n]!.providerRef)!;
    expect(ids((await list({ q: ` ${ref[withProviderRef]!.providerRef!} ` })).rows)).toEqual([
      id[withProviderRef],
    ]);
    // The number as an agent types it, spaces and dashes included.
    expect(ids((await list({ q: '0803 111-2200' })).rows)).toEqual([id.success]);
    expect(ids((await list({ q: '4455' })).rows)).toEqual([id.glo]);
    // Three digits are too few to search the numbers ("111" is in one), and words match no number.
    expect((await list({ q: '111' })).rows).toEqual([]);
    expect((await list({ q: 'nothing like this' })).rows).toEqual([]);
  });

  it('filters combine', async () => {
    expect(ids((await list({ status: 'success', network: 'MTN' })).rows)).toEqual([id.success]);
    expect(ids((await list({ q: '0803', status: 'pending', to: t0 + 2 * MINUTE })).rows)).toEqual([
      id.pending,
    ]);
  });

  it('the export lists every matching sale, newest first', async () => {
    expect(ids(await listAllSalesForAgent(w.db, w.agentId, {}))).toEqual(
      ids((await list({})).rows),
    );
    expect(ids(await listAllSalesForAgent(w.db, w.agentId, { status: 'failed' }))).toEqual([
      id.reversed,
      id.failed,
    ]);
  });

  it("the polling read returns the current status of the agent's own sales only", async () => {
    expect(await statusesForAgent(w.db, w.agentId, [])).toEqual([]);
    const rows = await statusesForAgent(w.db, w.agentId, [id.success!, id.pending!, id.others!]);
    expect(rows.sort((a, b) => a.id - b.id)).toEqual([
      {
        id: id.success,
        status: 'SUCCESS',
        providerRef: ref.success!.providerRef,
        operatorRef: ref.success!.operatorRef,
        // A top-up delivers no token: the bill fields the poll carries say so.
        delivered: null,
        awaitingToken: false,
      },
      {
        id: id.pending,
        status: 'PENDING',
        providerRef: ref.pending!.providerRef,
        operatorRef: null,
        delivered: null,
        awaitingToken: false,
      },
    ]);
  });
});

describe('a bill in the history', () => {
  it('is found by four or more digits of its meter or smartcard number, as typed; fewer or none find nothing', async () => {
    const b = await T.fork();
    try {
      await b.fund(1_000_000);
      const product = await billProduct(b.db, 'IKEDC', 'prepaid');
      const bill = {
        account: '45012378612',
        quantity: null,
        subscriptionType: null,
        amountMinor: 300_000,
        tokenExpected: true,
        customerName: null,
      };
      const opened = await openSale(
        b.db,
        {
          agentId: b.agentId,
          idempotencyKey: 'history-bill-0001',
          product,
          network: 'IKEDC',
          phone: '08099990000', // shares no four digits with the meter
          price: priceSale(bill.amountMinor, HELPER_COMMISSION_BPS),
          bill,
        },
        createReferenceGenerator(),
        t0,
      );
      if (opened.kind !== 'opened') throw new Error('expected a new sale');
      const found = async (q: string) =>
        ids((await listSalesForAgent(b.db, b.agentId, { q })).rows);
      expect(await found('7861')).toEqual([opened.purchase.id]);
      expect(await found('4501-2378 612')).toEqual([opened.purchase.id]);
      expect(await found('786')).toEqual([]);
      expect(await found('no digits here')).toEqual([]);
      expect(await listSalesForAgent(b.db, b.agentId, {})).toMatchObject({ total: 1 });
    } finally {
      await b.close();
    }
  });
});
