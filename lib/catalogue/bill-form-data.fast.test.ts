// What the electricity and TV forms, the history and the receipt read of bills, in the fast world
// (memory, in-process simulator): the catalogue's bill products as the forms see them, and a token
// that one answer carried shown on the agent's history, its live poll, and the public receipt.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { products } from '@/db/schema';
import { BILLERS } from '@/lib/bills/billers';
import { listSalesForAgent, statusesForAgent } from '@/lib/purchases/history';
import { startSale } from '@/lib/purchases/start-sale';
import { issueReceiptToken } from '@/lib/receipts/issue';
import { getPublicReceipt } from '@/lib/receipts/queries';
import { createWorld, type MemoryWorld } from '@/test/world';
import { billFormData } from './bill-form-data';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

describe('the electricity form', () => {
  it('offers every distribution company with a prepaid and a postpaid product and its commission', async () => {
    w = await T.fork();
    const data = await billFormData(w.db, w.agentId, 'electricity');
    const discos = BILLERS.filter((b) => b.type === 'electricity');
    expect(data.billers.map((b) => b.id).sort()).toEqual(discos.map((b) => b.id).sort());
    expect(data.billers.find((b) => b.id === 'IKEDC')?.label).toBe('Ikeja Electric');
    for (const disco of discos) {
      const types = data.products.filter((p) => p.network === disco.id).map((p) => p.meterType);
      expect(types.sort(), disco.id).toEqual(['postpaid', 'prepaid']);
    }
    expect(data.products.every((p) => p.priceMinor === null)).toBe(true);
    expect(data.commissionBps.IKEDC).toBeGreaterThan(0);
  });
});

describe('the TV form', () => {
  it('offers the TV services with their bouquets at fixed prices, Showmax paid by phone', async () => {
    w = await T.fork();
    const data = await billFormData(w.db, w.agentId, 'tv');
    expect(data.billers.map((b) => b.id)).toEqual(
      expect.arrayContaining(['DSTV', 'GOTV', 'STARTIMES']),
    );
    const dstv = data.products.filter((p) => p.network === 'DSTV');
    expect(dstv.length).toBeGreaterThan(1);
    expect(dstv.every((p) => p.priceMinor !== null && p.priceMinor > 0)).toBe(true);
    expect(dstv.every((p) => p.meterType === null)).toBe(true);
    const showmax = data.billers.find((b) => b.id === 'SHOWMAX');
    if (showmax) expect(showmax.accountIsPhone).toBe(true);
    expect(data.billers.find((b) => b.id === 'DSTV')?.accountIsPhone).toBe(false);
  });
});

describe('a delivered token on the pages that read a sale', () => {
  it('is on the history row, in the live poll and on the public receipt, with the meter', async () => {
    w = await T.fork();
    await w.fund(10_000_000);
    const prepaid = (await billFormData(w.db, w.agentId, 'electricity')).products.find(
      (p) => p.network === 'IKEDC' && p.meterType === 'prepaid',
    )!;
    const meter = '45101234500'; // ends 00: delivered with a token (docs/simulator.md, Bills)
    const sale = await startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: 'bill-display-test-1',
        productId: prepaid.id,
        phone: '08031234567',
        network: 'IKEDC',
        account: meter,
        amountMinor: 200_000,
      },
      { provider: w.provider },
    );
    if (!sale.ok) throw new Error(JSON.stringify(sale));
    expect(sale.outcome.status).toBe('SUCCESS');
    const token = sale.outcome.delivered?.token;
    expect(token).toMatch(/^\d{20}$/);

    const { rows } = await listSalesForAgent(w.db, w.agentId, { q: meter });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      account: meter,
      awaitingToken: false,
      delivered: { token },
    });
    // Part of the meter number finds it too, as part of a phone number does.
    expect((await listSalesForAgent(w.db, w.agentId, { q: '1012345' })).rows).toHaveLength(1);

    const [live] = await statusesForAgent(w.db, w.agentId, [sale.outcome.purchaseId]);
    expect(live).toMatchObject({ status: 'SUCCESS', delivered: { token }, awaitingToken: false });

    const receipt = await getPublicReceipt(
      w.db,
      (await issueReceiptToken(w.db, w.agentId, sale.outcome.purchaseId))!,
    );
    expect(receipt).toMatchObject({
      type: 'electricity',
      network: 'IKEDC',
      account: meter,
      delivered: { token },
      awaitingToken: false,
    });
    const product = await first(w.db.select().from(products).where(eq(products.id, prepaid.id)));
    expect(receipt?.product).toBe(product?.name);
  });
});
