// Hostile input at the domain boundaries: SQL and script payloads in every text field of a sale, wrong
// types, oversized values, hostile callbacks and sign-ins. Each is refused in words and writes nothing.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaries, products, purchases } from '@/db/schema';
import { Refusal } from '@/lib/errors';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { authenticate, WRONG_CREDENTIALS } from '@/lib/auth/authenticate';
import { sameOrigin } from '@/lib/auth/route';
import { fundWallet } from '@/lib/ledger/funding';
import { allViolations } from '@/lib/ledger/invariants';
import { DEMO_CREDENTIALS } from '@/lib/providers/demo-credentials';
import type { ProviderId } from '@/lib/providers/registry';
import { handleCallback } from '@/lib/purchases/callbacks';
import { startSale, type SaleInput } from '@/lib/purchases/start-sale';
import { saleInputSchema } from '@/lib/purchases/sale-input';
import type { World } from '@/test/world';
import { count, magicPhone, proofWorld } from './helpers';
import { first } from '@/db/query';

let T: World;
let h: World;
beforeAll(async () => {
  T = await proofWorld(1_000);
  h = await T.fork();
  await fundWallet(h.db, SYSTEM_ACTOR, {
    agentId: T.agentId,
    currency: 'NGN',
    amount: 1_000_000,
    direction: 'credit',
    reference: 'hostile',
    reason: 'x',
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await T?.close();
});

const TABLES = [
  'purchases',
  'purchase_attempts',
  'purchase_events',
  'purchase_resolutions',
  'ledger_entries',
  'accounts',
  'beneficiaries',
  'requery_jobs',
  'users',
  'audit_log',
];
const snapshot = async () =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(h.db, t)])));

const PAYLOADS = [
  `'; drop table purchases; --`,
  `" or 1=1 --`,
  `1); delete from ledger_entries where (1=1`,
  `<script>alert(document.cookie)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `\u0000\u202e\uFEFF`,
  '0803'.padEnd(100_000, '9'),
  '',
];

let k = 0;
const base = (): SaleInput => ({
  idempotencyKey: `hostile-key-${++k}-${Date.now()}`,
  productId: T.airtime.id,
  phone: magicPhone(40_000 + k, '00'),
  network: 'MTN',
  amountMinor: 10_000,
});

describe('a hostile sale is refused in words and writes nothing', () => {
  it.each(['phone', 'network'] as const)(
    'SQL, script, control and oversized payloads in %s',
    async (field) => {
      const before = await snapshot();
      for (const payload of PAYLOADS) {
        const result = await startSale(h.db, T.agentId, { ...base(), [field]: payload });
        expect(result, `${field} = ${JSON.stringify(payload.slice(0, 40))}`).toMatchObject({
          ok: false,
          refusal: { message: expect.any(String), field },
        });
      }
      expect(await snapshot()).toEqual(before);
      expect(await allViolations(h.db)).toEqual([]);
    },
  );

  it('a circle sent with a Nigerian sale is stored nowhere: the sale row and the beneficiary keep no circle', async () => {
    for (const payload of PAYLOADS.filter(Boolean)) {
      const input = { ...base(), circle: payload };
      const result = await startSale(h.db, T.agentId, input);
      if (!result.ok) continue; // refusing it is fine too; then nothing may have been written (checked below)
      const row = await first(
        h.db
          .select({ circle: purchases.circle })
          .from(purchases)
          .where(eq(purchases.id, result.outcome.purchaseId)),
      );
      expect(row, `stored circle for ${JSON.stringify(payload.slice(0, 40))}`).toEqual({
        circle: null,
      });
      const saved = await h.db
        .select({ circle: beneficiaries.circle })
        .from(beneficiaries)
        .where(eq(beneficiaries.phone, input.phone));
      expect(
        saved.every((b) => b.circle === null),
        'beneficiary circle',
      ).toBe(true);
    }
    const stored = await h.db
      .select({ circle: purchases.circle })
      .from(purchases)
      .where(eq(purchases.currency, 'NGN'));
    expect(
      stored.filter((r) => r.circle !== null),
      'Nigerian sales with a stored circle',
    ).toEqual([]);
    expect(await allViolations(h.db)).toEqual([]);
  });

  it('an Indian sale with a hostile or wrong circle is refused on the circle field and writes nothing; the right circle is stored as is', async () => {
    const product = await first(
      h.db
        .select()
        .from(products)
        .where(
          and(
            eq(products.currency, 'INR'),
            sql`${products.circle} <> ''`,
            eq(products.active, true),
          ),
        ),
    );
    expect(
      product?.circle,
      'an Indian product with a circle after the catalogue sync',
    ).toBeTruthy();
    await fundWallet(h.db, SYSTEM_ACTOR, {
      agentId: T.agentId,
      currency: 'INR',
      amount: 1_000_000,
      direction: 'credit',
      reference: 'hostile-inr',
      reason: 'x',
    });
    const india = (circle: string | undefined): SaleInput => ({
      idempotencyKey: `hostile-in-${++k}-${Date.now()}`,
      productId: product!.id,
      phone: `98765${String(10_000 + k).slice(-5)}`,
      network: product!.network,
      amountMinor: product!.priceMinor ?? 10_000,
      circle,
      confirmRepeat: true,
    });
    const before = await snapshot();
    const otherCircle = (
      await first(
        h.db
          .select({ circle: products.circle })
          .from(products)
          .where(and(eq(products.currency, 'INR'), sql`${products.circle} <> ${product!.circle}`)),
      )
    )?.circle;
    for (const circle of [
      ...PAYLOADS,
      undefined,
      `${product!.circle} `,
      ` ${product!.circle}`,
      `${product!.circle}' --`,
      otherCircle ?? '99',
    ]) {
      const result = await startSale(h.db, T.agentId, india(circle));
      expect(result, `circle = ${JSON.stringify(circle?.slice(0, 40))}`).toEqual({
        ok: false,
        refusal: new Refusal('Choose the circle for this number.', 'circle'),
      });
    }
    expect(await snapshot()).toEqual(before);
    const ok = await startSale(h.db, T.agentId, india(product!.circle));
    if (!ok.ok) throw new Error(`the positive control was refused: ${ok.refusal.message}`);
    const row = await first(
      h.db
        .select({ circle: purchases.circle, currency: purchases.currency })
        .from(purchases)
        .where(eq(purchases.id, ok.outcome.purchaseId)),
    );
    expect(row).toEqual({ circle: product!.circle, currency: 'INR' });
    expect(await allViolations(h.db)).toEqual([]);
  });

  it('wrong types and impossible amounts are refused before any money moves', async () => {
    const before = await snapshot();
    const bad: Partial<Record<keyof SaleInput, unknown>>[] = [
      { amountMinor: Number.NaN },
      { amountMinor: Infinity },
      { amountMinor: -10_000 },
      { amountMinor: 10_000.5 },
      { amountMinor: 1e300 },
      { amountMinor: '10000 or 1=1' },
      { amountMinor: 0 },
      { productId: `${T.airtime.id} or 1=1` },
      { productId: -1 },
      { productId: Number.NaN },
      { phone: 8031234567 },
      { phone: { toString: () => '08031234567' } },
      { network: ['MTN'] },
      { network: 'mtn' },
    ];
    for (const override of bad) {
      // The form's zod schema stops wrong types at the door; past it, the domain still refuses (or throws) and writes nothing.
      const result = await startSale(h.db, T.agentId, {
        ...base(),
        ...override,
      } as SaleInput).catch((e: unknown) => ({
        ok: false,
        refusal: new Refusal(`thrown: ${String(e)}`),
      }));
      expect(result, JSON.stringify(override)).toMatchObject({
        ok: false,
        refusal: { message: expect.any(String) },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the sale form schema refuses hostile keys, oversized fields and wrong types with field errors', () => {
    const good = {
      idempotencyKey: 'a'.repeat(24),
      productId: '1',
      phone: '08031234567',
      network: 'MTN',
      amountMinor: '10000',
    };
    expect(saleInputSchema.safeParse(good).success).toBe(true);
    const cases: Record<string, unknown>[] = [
      { idempotencyKey: `x' or '1'='1` },
      { idempotencyKey: '<script>' + 'a'.repeat(20) },
      { idempotencyKey: 'a'.repeat(65) },
      { productId: '1 or 1=1' },
      { productId: '-1' },
      { productId: '1.5' },
      { phone: '0'.repeat(33) },
      { network: 'N'.repeat(17) },
      { amountMinor: '100.5' },
      { amountMinor: '<b>100</b>' },
      { amountMinor: '9'.repeat(21) },
      { amountMinor: '-100' },
      { expectedPriceMinor: 'abc' },
      { confirmRepeat: 'yes' },
      { circle: 'x'.repeat(9) },
    ];
    for (const c of cases) {
      const parsed = saleInputSchema.safeParse({ ...good, ...c });
      expect(parsed.success, JSON.stringify(c).slice(0, 80)).toBe(false);
    }
  });
});

describe('hostile callbacks change nothing', () => {
  const input = (
    rawBody: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => ({ method: 'POST', headers, query: {}, rawBody });

  it.each([
    ['vtpass', 'not json at all'],
    ['vtpass', '{"type":"transaction-update","data":{"code":"000","requestId":123}}'],
    ['vtpass', '{"type":"transaction-update","data":{"code":"000"}}'],
    [
      'vtpass',
      JSON.stringify({
        type: 'transaction-update',
        data: { code: '000', requestId: `x' or '1'='1` },
      }),
    ],
    [
      'vtpass',
      JSON.stringify({
        type: 'transaction-update',
        data: { code: '000', requestId: '<script>alert(1)</script>' },
      }),
    ],
    [
      'vtpass',
      JSON.stringify({
        type: 'transaction-update',
        data: { code: '000', requestId: 'A'.repeat(60_000) },
      }),
    ],
    ['cwg', '[]'],
    ['cwg', JSON.stringify({ transactionReference: { $ne: null }, status: 'SUCCESSFUL' })],
    [
      'cwg',
      JSON.stringify({ transactionReference: `'; drop table purchases; --`, status: 'SUCCESSFUL' }),
    ],
    ['jonet', JSON.stringify({ status: 'Successful', customer_id: 'x' })], // no API key
    [
      'jonet',
      JSON.stringify({ status: 'Successful', customer_id: 'x' }),
      { authorization: 'wrong-key' },
    ],
    ['rechargekit', '{"status":"1","orderid":null}'],
  ] as [ProviderId, string, Record<string, string>?][])(
    '%s: %s',
    async (provider, body, headers) => {
      const before = await snapshot();
      const handled = await handleCallback(h.db, provider, input(body, headers));
      expect(['ignored', 'unknown_reference']).toContain(handled.outcome);
      expect(handled.ack.status === 200 || handled.ack.status >= 400).toBe(true);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('a forged success callback for a real pending sale is only a hint: the requery decides and no money moves on the hint', async () => {
    const sale = await startSale(h.db, T.agentId, { ...base(), phone: magicPhone(41_000, '58') }); // pending forever
    if (!sale.ok) throw new Error(sale.refusal.message);
    const before = await count(h.db, 'ledger_entries');
    const forged = JSON.stringify({
      type: 'transaction-update',
      data: {
        code: '000',
        content: { transactions: { status: 'delivered' } },
        requestId: sale.outcome.reference,
      },
    });
    expect((await handleCallback(h.db, 'vtpass', input(forged))).outcome).toBe('applied');
    const jonetForged = JSON.stringify({
      status: 'Successful',
      server_response: 'Successful',
      customer_id: sale.outcome.reference,
    });
    expect(
      (
        await handleCallback(
          h.db,
          'jonet',
          input(jonetForged, { authorization: DEMO_CREDENTIALS.jonet.apiKey! }),
        )
      ).outcome,
    ).toBe('unknown_reference');
    expect(await count(h.db, 'ledger_entries')).toBe(before);
    expect(
      await count(h.db, `purchase_resolutions where purchase_id = ${sale.outcome.purchaseId}`),
    ).toBe(0);
    expect(await allViolations(h.db)).toEqual([]);
  });
});

describe('hostile sign-ins', () => {
  it.each([
    `admin@demo.test' --`,
    `' or '1'='1`,
    `<script>@x.test`,
    `admin@demo.test\u0000`,
    'a'.repeat(10_000),
  ])('%s is a wrong password, nothing more', async (email) => {
    const users = await count(h.db, 'users');
    const result = await authenticate(h.db, email, `' or '1'='1`, '192.0.2.77');
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^(Wrong email or password\.|Too many attempts\. Try again in \d+ minutes?\.)$/,
      ),
    });
    if (result.ok === false && result.error === 'INVALID')
      expect(result.message).toBe(WRONG_CREDENTIALS);
    expect(await count(h.db, 'users')).toBe(users);
  });
});

describe('route handlers that change state refuse a foreign Origin', () => {
  const req = (headers: Record<string, string>) =>
    new Request('http://127.0.0.1:3100/api/x', { method: 'POST', headers });
  it.each([
    [{ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100' }, true],
    [{ host: '127.0.0.1:3100', origin: 'https://evil.example' }, false],
    [{ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100.evil.example' }, false],
    [{ host: '127.0.0.1:3100', origin: 'null' }, false],
    [{ host: '127.0.0.1:3100' }, false],
    [{ host: '127.0.0.1:3100', origin: 'not a url' }, false],
  ])('%o → %s', (headers, allowed) => {
    expect(sameOrigin(req(headers))).toBe(allowed);
  });
});
