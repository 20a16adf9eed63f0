// The VTpass adapter's bill families against the simulator over HTTP: the verify answers, the token on
// each answer path, the magic endings of bills (docs/simulator.md#bills-vtpass-electricity-and-tv).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceGenerator } from '../lib/providers/reference';
import { createAdapter, defaultProviderConfig } from '../lib/providers/registry';
import type { BillFamily, BillRequest } from '../lib/providers/types';
import { startSimulator, type RunningSimulator } from './server';

const ref = createReferenceGenerator();
let sim: RunningSimulator;
let electricity: BillFamily;
let tv: BillFamily;
beforeAll(async () => {
  sim = await startSimulator({ pendingResolveMs: 60_000 });
  const adapter = createAdapter('vtpass', defaultProviderConfig('vtpass', sim.url));
  electricity = adapter.bills!.electricity!;
  tv = adapter.bills!.tv!;
});
afterAll(() => sim.close());

const meter = (account: string, over: Partial<BillRequest> = {}): BillRequest => ({
  reference: ref('vtpass'),
  type: 'electricity',
  biller: 'IKEDC',
  account,
  planCode: 'prepaid',
  amountMinor: 300_000,
  phone: '08031234567',
  ...over,
});
const TOKEN = /^\d{20}$/;

describe('VTpass bills: verify', () => {
  it('names the holder of a prepaid meter, with its address and type', async () => {
    const r = await electricity.verify!({
      type: 'electricity',
      biller: 'IKEDC',
      account: '45012345600',
      planCode: 'prepaid',
    });
    expect(r).toMatchObject({ ok: true, meterType: 'prepaid', arrearsMinor: null });
    if (r.ok) expect(r.name.length).toBeGreaterThan(3);
    if (r.ok) expect(r.address).toContain('IKEJA ELECTRIC');
  });

  it('refuses a wrong meter (99) and a wrong smartcard (99) as a wrong account', async () => {
    const m = await electricity.verify!({
      type: 'electricity',
      biller: 'EKEDC',
      account: '45012345699',
      planCode: 'prepaid',
    });
    expect(m).toMatchObject({ ok: false, kind: 'wrong_account' });
    const card = await tv.verify!({ type: 'tv', biller: 'DSTV', account: '7012345699' });
    expect(card).toMatchObject({ ok: false, kind: 'wrong_account' });
  });

  it('reads arrears and a minimum (98) and a maximum (97) in kobo', async () => {
    const min = await electricity.verify!({
      type: 'electricity',
      biller: 'AEDC',
      account: '45012345698',
      planCode: 'postpaid',
    });
    expect(min).toMatchObject({
      ok: true,
      meterType: 'postpaid',
      arrearsMinor: 500_000,
      minimumMinor: 200_000,
    });
    const max = await electricity.verify!({
      type: 'electricity',
      biller: 'AEDC',
      account: '45012345697',
      planCode: 'prepaid',
    });
    expect(max).toMatchObject({ ok: true, maximumMinor: 1_000_000, minimumMinor: null });
  });

  it('gives a DStv card its current bouquet codes and renewal amount', async () => {
    const r = await tv.verify!({ type: 'tv', biller: 'DSTV', account: '1212121212' });
    expect(r).toMatchObject({
      ok: true,
      currentBouquet: 'DStv Compact N7900',
      currentBouquetCodes: ['dstv79'],
      renewalAmountMinor: 790_000,
    });
  });
});

describe('VTpass bills: the token on every answer path', () => {
  it('a prepaid sale is delivered with a 20-digit token and units, and its requery repeats them', async () => {
    const req = meter('1111111111111');
    const paid = await electricity.buy(req);
    expect(paid.status).toBe('SUCCESS');
    expect(paid.delivered?.token).toMatch(TOKEN);
    expect(paid.delivered?.units).toMatch(/kWh$/);
    const again = await electricity.requery!(req.reference);
    expect(again.delivered?.token).toBe(paid.delivered?.token);
  });

  it('a postpaid sale carries the customer name and no token', async () => {
    const paid = await electricity.buy(meter('1010101010101', { planCode: 'postpaid' }));
    expect(paid.status).toBe('SUCCESS');
    expect(paid.delivered?.token ?? null).toBeNull();
    expect(paid.delivered?.customerName).toBeTruthy();
  });

  it('63: delivered without a token, which only the requery carries', async () => {
    const req = meter('45012345663');
    const paid = await electricity.buy(req);
    expect(paid.status).toBe('SUCCESS');
    expect(paid.delivered?.token ?? null).toBeNull();
    const later = await electricity.requery!(req.reference);
    expect(later.status).toBe('SUCCESS');
    expect(later.delivered?.token).toMatch(TOKEN);
  });

  it('64: held, the token stays away from pay and requery; released, the requery has it', async () => {
    sim.hold('45012345664');
    const req = meter('45012345664');
    const paid = await electricity.buy(req);
    expect(paid.status).toBe('SUCCESS');
    expect((await electricity.requery!(req.reference)).delivered?.token ?? null).toBeNull();
    sim.release('45012345664');
    expect((await electricity.requery!(req.reference)).delivered?.token).toMatch(TOKEN);
  });

  it('51: pending while held; released, the requery is delivered with the token', async () => {
    sim.hold('45012345651');
    const req = meter('45012345651');
    expect((await electricity.buy(req)).status).toBe('PENDING');
    expect((await electricity.requery!(req.reference)).status).toBe('PENDING');
    sim.release('45012345651');
    const done = await electricity.requery!(req.reference);
    expect(done.status).toBe('SUCCESS');
    expect(done.delivered?.token).toMatch(TOKEN);
  });

  it('98: below the meter minimum is refused before processing (013)', async () => {
    const r = await electricity.buy(meter('45012345698', { amountMinor: 100_000 }));
    expect(r).toMatchObject({ status: 'NOT_PROCESSED', providerCode: '013' });
  });
});

describe('VTpass bills: TV', () => {
  it('changes a DStv bouquet for two months at twice its price', async () => {
    const reference = ref('vtpass');
    const r = await tv.buy({
      reference,
      type: 'tv',
      biller: 'DSTV',
      account: '1212121212',
      planCode: 'dstv-padi',
      amountMinor: 370_000,
      phone: '08031234567',
      quantity: 2,
      subscriptionType: 'change',
    });
    expect(r.status).toBe('SUCCESS');
    const sales = (await (await fetch(`${sim.url}/__sales`)).json()) as {
      reference: string;
      amountMinor: number;
      planCode: string;
    }[];
    // dstv-padi is ₦1,850 in the simulator's list: two months are ₦3,700.
    expect(sales.find((s) => s.reference === reference)).toMatchObject({
      amountMinor: 370_000,
      planCode: 'dstv-padi',
    });
  });

  it('lists bouquets of every TV service in the catalogue, priced in kobo, without the e-wallet', async () => {
    const items = await createAdapter(
      'vtpass',
      defaultProviderConfig('vtpass', sim.url),
    ).listCatalogue();
    const bouquets = items.filter((i) => i.type === 'tv');
    expect(new Set(bouquets.map((i) => i.network))).toEqual(
      new Set(['DSTV', 'GOTV', 'STARTIMES', 'SHOWMAX']),
    );
    expect(bouquets.find((i) => i.planCode === 'dstv-padi')?.priceMinor).toBe(185_000);
    expect(bouquets.some((i) => i.planCode === 'ewallet')).toBe(false);
    const meters = items.filter((i) => i.type === 'electricity');
    expect(meters).toHaveLength(24);
  });
});
