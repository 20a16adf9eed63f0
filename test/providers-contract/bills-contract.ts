// The bills half of the shared contract (issue #19), against the real simulator over HTTP. A provider
// that sells no bill family says so in its descriptor and has no `bills`; one that does passes every
// case: verify, the token on each answer path, and the same magic endings as airtime, on the account.
import { expect, it } from 'vitest';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { registry, type ProviderId } from '@/lib/providers/registry';
import type { BillFamily, BillRequest, CallbackInput } from '@/lib/providers/types';
import { callbackFor, eventually, type ContractEnv } from './contract';

const newReference = createReferenceGenerator();
const TOKEN = /^\d{20}$/;

export function registerBillContract(id: ProviderId, getEnv: () => ContractEnv): void {
  const families = registry.get(id).billFamilies ?? [];

  it('declares the bill families its adapter sells, and sells no other', () => {
    const sold = Object.keys(getEnv().adapter.bills ?? {}).sort();
    expect(sold).toEqual([...families].sort());
  });
  if (!families.includes('electricity')) return;

  const electricity = (adapter = getEnv().adapter): BillFamily => adapter.bills!.electricity!;
  const meter = (suffix: string) => `4501234${String(Date.now()).slice(-4)}${suffix}`;
  const prepaid = (account: string, over: Partial<BillRequest> = {}): BillRequest => ({
    reference: newReference(id),
    type: 'electricity',
    biller: 'IKEDC',
    account,
    planCode: 'prepaid',
    amountMinor: 200_000,
    phone: '08031234567',
    ...over,
  });
  const requery = (ref: string) => electricity().requery!(ref);

  it('verifies a meter, and says a wrong one (99) is wrong', async () => {
    const ok = await electricity().verify!({
      type: 'electricity',
      biller: 'IKEDC',
      account: '1111111111111',
      planCode: 'prepaid',
    });
    expect(ok).toMatchObject({ ok: true, meterType: 'prepaid' });
    const wrong = await electricity().verify!({
      type: 'electricity',
      biller: 'IKEDC',
      account: meter('99'),
      planCode: 'prepaid',
    });
    expect(wrong).toMatchObject({ ok: false, kind: 'wrong_account' });
  });

  it('sells a prepaid token at once, and the requery carries the same token', async () => {
    const req = prepaid(meter('07'));
    const r = await electricity().buy(req);
    expect(r.status).toBe('SUCCESS');
    expect(r.delivered?.token).toMatch(TOKEN);
    expect((await requery(req.reference)).delivered?.token).toBe(r.delivered?.token);
  });

  it('51: pending, then delivered with its token on requery and in a callback the adapter reads', async () => {
    const req = prepaid(meter('51'));
    expect((await electricity().buy(req)).status).toBe('PENDING');
    const done = await eventually(() => requery(req.reference), 'SUCCESS');
    expect(done.delivered?.token).toMatch(TOKEN);
    const input = await callbackFor(getEnv(), req.reference, 'SUCCESS');
    expect(getEnv().adapter.parseCallback(input as CallbackInput).event).toMatchObject({
      reference: req.reference,
      hint: 'SUCCESS',
    });
  });

  it('52: pending, then failed on requery', async () => {
    const req = prepaid(meter('52'));
    expect((await electricity().buy(req)).status).toBe('PENDING');
    expect((await eventually(() => requery(req.reference), 'FAILED')).status).toBe('FAILED');
  });

  it('53: a timeout is UNKNOWN, and the requery finds it delivered with its token', async () => {
    const req = prepaid(meter('53'));
    const r = await electricity(getEnv().shortTimeoutAdapter).buy(req);
    expect(r).toMatchObject({ status: 'UNKNOWN', providerCode: 'timeout' });
    expect((await requery(req.reference)).delivered?.token).toMatch(TOKEN);
  });

  it('54, 55, 61: a reset, an HTML 500 and cut-off JSON are UNKNOWN, never failed', async () => {
    for (const suffix of ['54', '55', '61'])
      expect((await electricity().buy(prepaid(meter(suffix)))).status, suffix).toBe('UNKNOWN');
  });

  it('56: a duplicate-reference answer is duplicate + PENDING', async () => {
    expect(await electricity().buy(prepaid(meter('56')))).toMatchObject({
      status: 'PENDING',
      duplicate: true,
    });
  });

  it('57: delivered, then reversed on requery', async () => {
    const req = prepaid(meter('57'));
    expect((await electricity().buy(req)).status).toBe('SUCCESS');
    expect((await eventually(() => requery(req.reference), 'REVERSED')).status).toBe('REVERSED');
  });

  it('59: a definite failure asks for the confirming requery; 60: not processed', async () => {
    expect(await electricity().buy(prepaid(meter('59')))).toMatchObject({
      status: 'FAILED',
      needsConfirmation: true,
    });
    const req = prepaid(meter('60'));
    expect((await electricity().buy(req)).status).toBe('NOT_PROCESSED');
    expect((await requery(req.reference)).status).toBe('NOT_FOUND');
  });

  it('63: delivered without a token, which the requery carries', async () => {
    const req = prepaid(meter('63'));
    const r = await electricity().buy(req);
    expect(r.status).toBe('SUCCESS');
    expect(r.delivered?.token ?? null).toBeNull();
    expect((await requery(req.reference)).delivered?.token).toMatch(TOKEN);
  });

  it('64: delivered without a token; it comes later, on requery and in a callback', async () => {
    const req = prepaid(meter('64'));
    expect((await electricity().buy(req)).delivered?.token ?? null).toBeNull();
    const input = await callbackFor(getEnv(), req.reference, 'SUCCESS');
    expect(input).toBeDefined();
    expect((await requery(req.reference)).delivered?.token).toMatch(TOKEN);
  });

  it('sells a TV bouquet from its own catalogue', async () => {
    const items = await getEnv().adapter.listCatalogue();
    const bouquet = items.find((i) => i.type === 'tv' && i.network === 'GOTV');
    expect(bouquet?.priceMinor).toBeGreaterThan(0);
    const r = await getEnv().adapter.bills!.tv!.buy({
      reference: newReference(id),
      type: 'tv',
      biller: 'GOTV',
      account: '1212121212',
      planCode: bouquet!.planCode,
      amountMinor: bouquet!.priceMinor!,
      phone: '08031234567',
      subscriptionType: 'change',
      quantity: 1,
    });
    expect(r.status).toBe('SUCCESS');
  });
}
