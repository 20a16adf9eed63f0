// The shared contract every adapter must pass against the real simulator over HTTP (house style: one
// connector harness for all providers). Registered per provider by contract.test.ts.
import { expect, it } from 'vitest';
import type { CallbackReceiver } from './contract-receiver';
import { findBiller } from '@/lib/bills/billers';
import { createReferenceGenerator } from '@/lib/providers/reference';
import type {
  CallbackInput,
  CatalogueItem,
  ProviderAdapter,
  ProviderResult,
  TxnStatus,
} from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';

export interface ContractSubject {
  id: ProviderId;
  network: string;
  circle?: string;
  /** A valid customer number ending in the two magic digits (simulator/README.md). */
  phone(suffix: string): string;
  airtimeMinor: number;
}

export const CONTRACT_SUBJECTS: Record<ProviderId, ContractSubject> = {
  jonet: { id: 'jonet', network: 'MTN', phone: (s) => `080312345${s}`, airtimeMinor: 10_000 },
  vtpass: { id: 'vtpass', network: 'MTN', phone: (s) => `080312346${s}`, airtimeMinor: 10_000 },
  cwg: { id: 'cwg', network: 'MTN', phone: (s) => `080312347${s}`, airtimeMinor: 10_000 },
  rechargekit: {
    id: 'rechargekit',
    network: 'AIRTEL',
    circle: '5',
    phone: (s) => `98765432${s}`,
    airtimeMinor: 5_000,
  },
};

export interface ContractEnv {
  adapter: ProviderAdapter;
  /** Same provider with timeoutMs ≈ 300 ms, for the "simulator holds the response" case. */
  shortTimeoutAdapter: ProviderAdapter;
  receiver: CallbackReceiver;
  /** Credential values that must never appear in recorded exchanges. */
  secrets: string[];
}

const newReference = createReferenceGenerator();

export async function eventually(
  read: () => Promise<ProviderResult>,
  want: TxnStatus,
  timeoutMs = 8000,
): Promise<ProviderResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await read();
    if (r.status === want || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
}

export async function callbackFor(
  env: ContractEnv,
  reference: string,
  hint: TxnStatus,
  timeoutMs = 8000,
): Promise<CallbackInput | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const hit = env.receiver.received.find(
      (c) =>
        c.provider === env.adapter.id &&
        env.adapter.parseCallback(c.input).event?.reference === reference &&
        env.adapter.parseCallback(c.input).event?.hint === hint,
    );
    if (hit) return hit.input;
    await new Promise((res) => setTimeout(res, 50));
  }
  return undefined;
}

export function registerProviderContract(
  subject: ContractSubject,
  getEnv: () => ContractEnv,
): void {
  const nextRef = () => newReference(subject.id);
  const buyAirtime = (suffix: string, reference = nextRef(), adapter = getEnv().adapter) =>
    adapter.buyAirtime({
      reference,
      phone: subject.phone(suffix),
      network: subject.network,
      amountMinor: subject.airtimeMinor,
      circle: subject.circle,
    });
  const requery = (ref: string) => getEnv().adapter.requery(ref);

  it('lists a non-empty, well-formed catalogue', async () => {
    const items = await getEnv().adapter.listCatalogue();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expectWellFormed(item, getEnv().adapter);
    expect(items.some((i) => i.type === 'airtime' && i.network === subject.network)).toBe(true);
    expect(items.some((i) => i.type === 'data' && i.network === subject.network)).toBe(true);
  });

  it('sells airtime at once and records a redacted exchange', async () => {
    const ref = nextRef();
    const r = await buyAirtime('07', ref);
    expect(r).toMatchObject({ status: 'SUCCESS' });
    expect(r.duplicate).toBeFalsy();
    expect(r.exchanges.length).toBeGreaterThan(0);
    const text = JSON.stringify(r.exchanges);
    for (const secret of getEnv().secrets) expect(text).not.toContain(secret);
    expect((await requery(ref)).status).toBe('SUCCESS');
  });

  it('sells a catalogue data plan at once', async () => {
    const items = await getEnv().adapter.listCatalogue();
    const plan = items.find(
      (i) =>
        i.type === 'data' &&
        i.network === subject.network &&
        (!subject.circle || i.circle === subject.circle),
    );
    expect(plan?.priceMinor).toBeGreaterThan(0);
    if (!plan?.priceMinor) return;
    const r = await getEnv().adapter.buyData({
      reference: nextRef(),
      phone: subject.phone('08'),
      network: subject.network,
      planCode: plan.planCode,
      amountMinor: plan.priceMinor,
      circle: subject.circle,
    });
    expect(r.status).toBe('SUCCESS');
  });

  it('reports pending, then success on requery, and sends a callback the adapter reads', async () => {
    const ref = nextRef();
    expect((await buyAirtime('51', ref)).status).toBe('PENDING');
    expect((await requery(ref)).status).toBe('PENDING');
    expect((await eventually(() => requery(ref), 'SUCCESS')).status).toBe('SUCCESS');
    const input = await callbackFor(getEnv(), ref, 'SUCCESS');
    expect(input).toBeDefined();
    const parsed = getEnv().adapter.parseCallback(input as CallbackInput);
    expect(parsed.event).toMatchObject({ reference: ref, hint: 'SUCCESS' });
    expect(parsed.ack.status).toBe(200);
  });

  it('reports pending, then failed on requery', async () => {
    const ref = nextRef();
    expect((await buyAirtime('52', ref)).status).toBe('PENDING');
    expect((await eventually(() => requery(ref), 'FAILED')).status).toBe('FAILED');
  });

  it('treats a timeout as UNKNOWN, and the requery finds the sale succeeded', async () => {
    const ref = nextRef();
    const r = await buyAirtime('53', ref, getEnv().shortTimeoutAdapter);
    expect(r).toMatchObject({ status: 'UNKNOWN', providerCode: 'timeout' });
    expect(r.exchanges.at(-1)?.error).toMatch(/timeout/);
    expect((await requery(ref)).status).toBe('SUCCESS');
  });

  it('treats a connection reset as UNKNOWN, and the requery says not found', async () => {
    const ref = nextRef();
    expect(await buyAirtime('54', ref)).toMatchObject({
      status: 'UNKNOWN',
      providerCode: 'network_error',
    });
    expect((await requery(ref)).status).toBe('NOT_FOUND');
  });

  it('treats an HTTP 500 HTML body as UNKNOWN, never failed', async () => {
    const ref = nextRef();
    expect(await buyAirtime('55', ref)).toMatchObject({
      status: 'UNKNOWN',
      providerCode: 'http_500',
    });
    expect((await requery(ref)).status).toBe('SUCCESS');
  });

  it('treats a truncated JSON body on HTTP 200 as UNKNOWN, never failed', async () => {
    const ref = nextRef();
    const answer = await buyAirtime('61', ref);
    expect(answer.status).toBe('UNKNOWN');
    expect(answer.exchanges[0]?.status).toBe(200);
    expect((await requery(ref)).status).toBe('SUCCESS');
  });

  it('flags a duplicate-reference answer as duplicate + PENDING (requery the original)', async () => {
    const ref = nextRef();
    expect(await buyAirtime('56', ref)).toMatchObject({ status: 'PENDING', duplicate: true });
    expect((await requery(ref)).status).toBe('SUCCESS');
    const reused = nextRef();
    expect((await buyAirtime('09', reused)).status).toBe('SUCCESS');
    expect(await buyAirtime('09', reused)).toMatchObject({ status: 'PENDING', duplicate: true });
  });

  it('sees a late reversal on requery and in a callback', async () => {
    const ref = nextRef();
    expect((await buyAirtime('57', ref)).status).toBe('SUCCESS');
    expect((await eventually(() => requery(ref), 'REVERSED')).status).toBe('REVERSED');
    expect(await callbackFor(getEnv(), ref, 'REVERSED')).toBeDefined();
  });

  it('keeps a never-resolving sale PENDING', async () => {
    const ref = nextRef();
    expect((await buyAirtime('58', ref)).status).toBe('PENDING');
    await new Promise((res) => setTimeout(res, 600));
    expect((await requery(ref)).status).toBe('PENDING');
  });

  it('maps a definite failure to FAILED, also on requery', async () => {
    const ref = nextRef();
    expect((await buyAirtime('59', ref)).status).toBe('FAILED');
    expect((await requery(ref)).status).toBe('FAILED');
  });

  it('answers a 62 with the definite failure code, then its requery says delivered', async () => {
    const ref = nextRef();
    expect((await buyAirtime('62', ref)).status).toBe('FAILED');
    expect((await eventually(() => requery(ref), 'SUCCESS')).status).toBe('SUCCESS');
  });

  it('maps "not processed, try again" to NOT_PROCESSED with nothing recorded upstream', async () => {
    const ref = nextRef();
    expect((await buyAirtime('60', ref)).status).toBe('NOT_PROCESSED');
    expect((await requery(ref)).status).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for a reference it never saw', async () => {
    expect((await requery(nextRef())).status).toBe('NOT_FOUND');
  });

  it('returns the balance as integer minor units', async () => {
    const b = await getEnv().adapter.balance();
    expect(Number.isSafeInteger(b.amountMinor)).toBe(true);
    expect(b.amountMinor).toBeGreaterThan(0);
    expect(b.currency).toBe(getEnv().adapter.currency);
  });

  it('gives event null for a malformed callback, never throwing', () => {
    const adapter = getEnv().adapter;
    for (const rawBody of ['', 'not json', '{}', '[1,2]', '{"status":1}']) {
      expect(
        adapter.parseCallback({ method: 'POST', headers: {}, query: {}, rawBody }).event,
      ).toBeNull();
    }
  });
}

function expectWellFormed(item: CatalogueItem, adapter: ProviderAdapter): void {
  expect(item.provider).toBe(adapter.id);
  expect(item.currency).toBe(adapter.currency);
  expect(item.planCode.length).toBeGreaterThan(0);
  expect(item.name.length).toBeGreaterThan(0);
  if (item.type === 'electricity' || item.type === 'tv') {
    // A bill's network is a biller of its own family, sold only by an adapter that has the family.
    expect(findBiller(item.network)?.type, item.network).toBe(item.type);
    expect(adapter.bills?.[item.type]).toBeDefined();
    if (item.type === 'tv') expect(item.priceMinor).toBeGreaterThan(0);
    else expect(item.minMinor).toBeLessThan(item.maxMinor ?? 0);
    return;
  }
  const networks =
    adapter.currency === 'NGN'
      ? ['MTN', 'GLO', 'AIRTEL', '9MOBILE']
      : ['AIRTEL', 'JIO', 'VI', 'BSNL'];
  expect(networks).toContain(item.network);
  if (item.type === 'data') {
    expect(Number.isSafeInteger(item.priceMinor)).toBe(true);
    expect(item.priceMinor).toBeGreaterThan(0);
    // Real lists name some plans without a size ("200 Naira - 7Day") or a validity ("200GB + 10% Bonus"):
    // whatever the name states must be read, and every plan states at least one of the two.
    expect(item.dataMb !== undefined || item.validityDays !== undefined, item.name).toBe(true);
    if (/\d\s*(MB|GB|TB)\b/i.test(item.name)) expect(item.dataMb, item.name).toBeGreaterThan(0);
    if (/\d\s*(day|days|hrs|hours|week|weeks|month|months)\b|\d+\s*Day/i.test(item.name))
      expect(item.validityDays, item.name).toBeGreaterThan(0);
  } else {
    expect(item.priceMinor).toBeUndefined();
    expect(item.minMinor).toBeLessThan(item.maxMinor ?? 0);
  }
}
