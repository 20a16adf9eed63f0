import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Read when lib/env is first imported: the counter's budget shorter than the simulator's hang (magic 53).
vi.hoisted(() => {
  process.env.SALE_ANSWER_BUDGET_MS = '3000';
});

import * as balancesRoute from '@/app/api/v1/balances/route';
import * as catalogueRoute from '@/app/api/v1/catalogue/route';
import * as lookupRoute from '@/app/api/v1/lookup/route';
import * as saleRoute from '@/app/api/v1/sales/[id]/route';
import * as salesRoute from '@/app/api/v1/sales/route';
import * as statementRoute from '@/app/api/v1/wallet/statement/route';
import type { Db } from '@/db';
import { apiIdempotency, apiKeys, auditLog, purchaseAttempts, purchases, users } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { CLIENT_ADDRESS_HEADER, markClientAddressFront } from '@/lib/auth/client-ip';
import { allViolations } from '@/lib/ledger/invariants';
import { createWorld, type World } from '@/test/world';
import { openAt } from '@/db';
import { createApiKey, revokeApiKey, setApiKeyRateLimits } from '@/lib/api/keys';
import { consumeRate } from '@/lib/api/rate-limit';
import * as schemas from '@/lib/api/schemas';
import type { ApiScope } from '@/db/schema';
import { closeDatabase, first } from '@/db/query';

let world: World;
let sellKey: string;

beforeAll(async () => {
  // Provider timeout 8 s and the simulator's hang 6 s: a "53" sale succeeds at 6 s, after the 3 s budget.
  world = await createWorld({
    saleTimeoutMs: 8_000,
    simulator: { kind: 'http', timeoutHoldMs: 6_000 },
  });
  await world.fund(10_000_000);
  (globalThis as unknown as { portalDb?: Db }).portalDb = world.db;
  markClientAddressFront();
  const main = await newKey(world.agentId, ['read', 'sell']);
  sellKey = main.key;
  // The rate-limit test has its own key: this one must not be throttled by the tests' bursts.
  await setApiKeyRateLimits(world.db, SYSTEM_ACTOR, main.row.id, {
    saleRatePerSecond: 10_000,
    readRatePerSecond: 10_000,
  });
}, 60_000);

afterAll(async () => {
  (globalThis as unknown as { portalDb?: Db }).portalDb = undefined;
  await world?.close();
});

async function newKey(agentId: number, scopes: ApiScope[], allowedIps: string[] = []) {
  return await createApiKey(world.db, SYSTEM_ACTOR, agentId, { name: 'test', scopes, allowedIps });
}

type Handler = (
  request: Request,
  context?: { params: Promise<Record<string, string>> },
) => Promise<Response>;

interface CallOptions {
  key?: string | null;
  method?: 'GET' | 'POST';
  body?: unknown;
  idempotencyKey?: string;
  ip?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

let calls = 0;
async function call(handler: Handler, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = {
    [CLIENT_ADDRESS_HEADER]: options.ip ?? '203.0.113.10',
    ...options.headers,
  };
  const key = options.key === undefined ? sellKey : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  calls += 1;
  const response = await handler(
    new Request(`http://portal.test/api/v1${path}`, {
      method: options.method ?? 'GET',
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    }),
    options.params ? { params: Promise.resolve(options.params) } : undefined,
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

const post = (body: unknown, idempotencyKey: string | undefined, options: CallOptions = {}) =>
  call(salesRoute.POST as Handler, '/sales', { method: 'POST', body, idempotencyKey, ...options });

let phoneSeq = 0;
/** An MTN number whose last two digits pick the simulator's outcome. */
const phone = (lastTwo: string) => `0803${String(++phoneSeq).padStart(5, '0')}${lastTwo}`;
const airtime = async () => await world.product({ network: 'MTN', type: 'airtime' });
const newIdem = () => `idem-${Date.now()}-${++calls}`;

/** The answer is exactly what the documented schema describes: nothing missing, nothing extra. */
function expectDocumented(schema: z.ZodType, body: unknown) {
  expect(schema.parse(body)).toEqual(body);
}

function expectProblem(
  result: { status: number; headers: Headers; body: { code?: string; status?: number } },
  status: number,
  code: string,
) {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toBe('application/problem+json');
  expect(result.body).toMatchObject({ status, code, type: `/developers#problem-${code}` });
  expect(typeof (result.body as { title?: unknown }).title).toBe('string');
  expectDocumented(schemas.problemSchema, result.body);
}

describe('authentication and scopes', () => {
  it('answers 401 problem documents without a key, with a malformed header and with an unknown key', async () => {
    const none = await call(balancesRoute.GET as Handler, '/balances', { key: null });
    expectProblem(none, 401, 'authentication_required');
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const basic = await call(balancesRoute.GET as Handler, '/balances', {
      key: null,
      headers: { authorization: 'Basic abc' },
    });
    expectProblem(basic, 401, 'invalid_api_key');
    expectProblem(
      await call(balancesRoute.GET as Handler, '/balances', { key: 'vp_live_not-a-real-key' }),
      401,
      'invalid_api_key',
    );
  });

  it('refuses a revoked key at once, and audits the revocation', async () => {
    const { key, row } = await newKey(world.agentId, ['read']);
    expect((await call(balancesRoute.GET as Handler, '/balances', { key })).status).toBe(200);
    await revokeApiKey(
      world.db,
      { userId: world.agentId, label: 'agent', ip: null },
      row.id,
      world.agentId,
    );
    expectProblem(
      await call(balancesRoute.GET as Handler, '/balances', { key }),
      401,
      'api_key_revoked',
    );
    const audit = (
      await world.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(row.id)))
    )
      .filter((a) => a.targetType === 'api_key')
      .map((a) => a.action);
    expect(audit).toEqual(['api_key.create', 'api_key.revoke']);
  });

  it('refuses every key of a disabled agent at once, and moves no money', async () => {
    const agentId = await world.newAgent(1_000_000);
    const { key } = await newKey(agentId, ['read', 'sell']);
    expect((await call(balancesRoute.GET as Handler, '/balances', { key })).status).toBe(200);
    await world.db.update(users).set({ status: 'disabled' }).where(eq(users.id, agentId));
    expectProblem(
      await call(balancesRoute.GET as Handler, '/balances', { key }),
      403,
      'account_disabled',
    );
    const sale = await post(
      { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 },
      newIdem(),
      { key },
    );
    expectProblem(sale, 403, 'account_disabled');
    expect(await world.db.select().from(purchases).where(eq(purchases.agentId, agentId))).toEqual(
      [],
    );
  });

  it('holds each key to its scopes: read cannot sell, sell cannot read', async () => {
    const readOnly = (await newKey(world.agentId, ['read'])).key;
    const sellOnly = (await newKey(world.agentId, ['sell'])).key;
    const refused = await post(
      { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 },
      newIdem(),
      { key: readOnly },
    );
    expectProblem(refused, 403, 'insufficient_scope');
    expectProblem(
      await call(salesRoute.GET as Handler, '/sales', { key: sellOnly }),
      403,
      'insufficient_scope',
    );
    const sold = await post(
      { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 },
      newIdem(),
      { key: sellOnly },
    );
    expect(sold.status).toBe(201);
  });

  it('holds a key to its IP allow-list (addresses and ranges), and records the last use and address', async () => {
    const { key, row } = await newKey(world.agentId, ['read'], ['198.51.100.0/24', '2001:db8::1']);
    expectProblem(
      await call(balancesRoute.GET as Handler, '/balances', { key, ip: '203.0.113.10' }),
      403,
      'ip_not_allowed',
    );
    expect(
      (await call(balancesRoute.GET as Handler, '/balances', { key, ip: '198.51.100.7' })).status,
    ).toBe(200);
    expect(
      (await call(balancesRoute.GET as Handler, '/balances', { key, ip: '2001:db8::1' })).status,
    ).toBe(200);
    const stored = (await first(world.db.select().from(apiKeys).where(eq(apiKeys.id, row.id))))!;
    expect(stored.lastUsedIp).toBe('2001:db8::1');
    expect(stored.lastUsedAt).toBeGreaterThan(0);
  });

  it('stores only the hash and a short prefix of a key', async () => {
    const { key, row } = await newKey(world.agentId, ['read']);
    expect(key).toMatch(/^vp_live_[A-Za-z0-9_-]{32}$/);
    const stored = (await first(world.db.select().from(apiKeys).where(eq(apiKeys.id, row.id))))!;
    expect(stored.prefix).toBe(key.slice(0, 12));
    expect(JSON.stringify(stored)).not.toContain(key.slice(12));
  });
});

describe('create a sale', () => {
  it('sells airtime through the sale path: 201, the sale, the wallet debited once', async () => {
    const before = (await call(balancesRoute.GET as Handler, '/balances')).body.data[0];
    const number = phone('00');
    const sold = await post(
      { productId: (await airtime()).id, phone: number, amountMinor: 50_000 },
      newIdem(),
    );
    expect(sold.status).toBe(201);
    expect(sold.body).toMatchObject({
      status: 'success',
      phone: number,
      network: 'MTN',
      amountMinor: 50_000,
      currency: 'NGN',
    });
    expect(sold.body.costMinor).toBeLessThan(50_000);
    expectDocumented(schemas.saleSchema, sold.body);
    const after = (await call(balancesRoute.GET as Handler, '/balances')).body.data[0];
    expect(before.availableMinor - after.availableMinor).toBe(sold.body.costMinor);
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('sells a data plan at its price, refusing a price that changed', async () => {
    const plan = await world.product({ network: 'MTN', type: 'data' });
    const stale = await post(
      { productId: plan.id, phone: phone('00'), expectedPriceMinor: plan.priceMinor! + 100 },
      newIdem(),
    );
    expectProblem(stale, 422, 'sale_refused');
    expect(stale.body.field).toBe('productId');
    const sold = await post(
      { productId: plan.id, phone: phone('00'), expectedPriceMinor: plan.priceMinor! },
      newIdem(),
    );
    expect(sold.status).toBe(201);
    expect(sold.body).toMatchObject({
      type: 'data',
      amountMinor: plan.priceMinor,
      productId: plan.id,
    });
  });

  it('replays the same key and body: the same status and body, one sale, one provider reference', async () => {
    const key = newIdem();
    const body = { productId: (await airtime()).id, phone: phone('00'), amountMinor: 20_000 };
    const first = await post(body, key);
    const replays = await Promise.all([post(body, key), post({ ...body }, key), post(body, key)]);
    for (const replay of replays) {
      expect(replay.status).toBe(first.status);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const rows = await world.db
      .select()
      .from(purchases)
      .where(eq(purchases.idempotencyKey, `api:${key}`));
    expect(rows).toHaveLength(1);
    expect(
      await world.db
        .select()
        .from(purchaseAttempts)
        .where(eq(purchaseAttempts.purchaseId, rows[0]!.id)),
    ).toHaveLength(1);
  });

  it('makes one sale when the same key is sent many times at once', async () => {
    const key = newIdem();
    const body = { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body, key)));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(
      await world.db
        .select()
        .from(purchases)
        .where(eq(purchases.idempotencyKey, `api:${key}`)),
    ).toHaveLength(1);
  });

  it('refuses the same key with another body with 422 idempotency_key_reused, and sells nothing more', async () => {
    const key = newIdem();
    const number = phone('00');
    expect(
      (await post({ productId: (await airtime()).id, phone: number, amountMinor: 10_000 }, key))
        .status,
    ).toBe(201);
    const other = await post(
      { productId: (await airtime()).id, phone: number, amountMinor: 20_000 },
      key,
    );
    expectProblem(other, 422, 'idempotency_key_reused');
    expect(await world.db.select().from(purchases).where(eq(purchases.phone, number))).toHaveLength(
      1,
    );
  });

  it('answers 202 with a pending sale, replays 202, and the sale settles later by itself', async () => {
    const number = phone('51');
    world.sim.hold(number);
    const key = newIdem();
    const body = { productId: (await airtime()).id, phone: number, amountMinor: 10_000 };
    const first = await post(body, key);
    expect(first.status).toBe(202);
    expect(first.body.status).toBe('pending');
    const replay = await post(body, key);
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual(first.body);
    const got = await call(saleRoute.GET as Handler, `/sales/${first.body.id}`, {
      params: { id: String(first.body.id) },
    });
    expect(got.body).toMatchObject({ id: first.body.id, status: 'pending' });
    world.sim.release(number);
  });

  it('answers pending within the counter budget when the provider hangs, and the call still settles the sale', async () => {
    const sold = await post(
      { productId: (await airtime()).id, phone: phone('53'), amountMinor: 10_000 },
      newIdem(),
    );
    // The simulator answers "success" at 6 s, within the 8 s provider timeout: a waiting handler would answer 201.
    expect(sold.status).toBe(202);
    expect(sold.body.status).toBe('pending');
    await expect
      .poll(
        async () =>
          (await first(world.db.select().from(purchases).where(eq(purchases.id, sold.body.id))))!
            .status,
        { timeout: 20_000 },
      )
      .toBe('SUCCESS');
  });

  it('refuses a sale the wallet cannot pay with 402, writes nothing, and frees the key', async () => {
    const agentId = await world.newAgent(20_000);
    const { key } = await newKey(agentId, ['read', 'sell']);
    const idem = newIdem();
    const body = { productId: (await airtime()).id, phone: phone('00'), amountMinor: 50_000 };
    const refused = await post(body, idem, { key });
    expectProblem(refused, 402, 'insufficient_funds');
    expect(refused.body.detail).toContain('this sale needs');
    expect(await world.db.select().from(purchases).where(eq(purchases.agentId, agentId))).toEqual(
      [],
    );
    expect(
      await world.db.select().from(apiIdempotency).where(eq(apiIdempotency.agentId, agentId)),
    ).toEqual([]);
    const smaller = await post({ ...body, amountMinor: 10_000 }, idem, { key });
    expect(smaller.status).toBe(201);
  });

  it('refuses bad requests with the field at fault and writes nothing', async () => {
    const count = async () => (await world.db.select().from(purchases)).length;
    const before = await count();
    expectProblem(
      await post(
        { productId: (await airtime()).id, phone: phone('00'), amountMinor: 100 },
        undefined,
      ),
      400,
      'idempotency_key_missing',
    );
    expectProblem(
      await post({ productId: 1 }, 'bad key with spaces'),
      400,
      'idempotency_key_invalid',
    );
    expectProblem(await post('{not json', newIdem()), 400, 'invalid_json');
    const form = await post('productId=1', newIdem(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(form, 415, 'unsupported_media_type');
    const invalid = await post(
      { productId: 'x', phone: '', amountMinor: 1.5, extra: true },
      newIdem(),
    );
    expectProblem(invalid, 400, 'validation_failed');
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      '(body)',
      'amountMinor',
      'phone',
      'productId',
    ]);
    const badPhone = await post(
      { productId: (await airtime()).id, phone: '12345', amountMinor: 10_000 },
      newIdem(),
    );
    expectProblem(badPhone, 422, 'sale_refused');
    expect(badPhone.body.field).toBe('phone');
    const badAmount = await post(
      { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_050 },
      newIdem(),
    );
    expect(badAmount.body.field).toBe('amountMinor');
    expect(await count()).toBe(before);
  });
});

describe('reads', () => {
  it('lists sales newest first by cursor, and filters by status, number, reference and date', async () => {
    const agentId = await world.newAgent(10_000_000);
    const { key } = await newKey(agentId, ['read', 'sell']);
    const ids: number[] = [];
    const numbers: string[] = [];
    for (const lastTwo of ['00', '01', '02', '59', '03']) {
      const number = phone(lastTwo);
      numbers.push(number);
      const sold = await post(
        { productId: (await airtime()).id, phone: number, amountMinor: 10_000 },
        newIdem(),
        { key },
      );
      ids.push(sold.body.id);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/sales?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(salesRoute.GET as Handler, path, { key });
      expect(page.status).toBe(200);
      expectDocumented(schemas.salePageSchema, page.body);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((s: { id: number }) => s.id));
      cursor = page.body.nextCursor;
      expect(page.body.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    // "59" is a definite failure: failed at once, or pending while a confirming requery is due.
    const refusedStatus = (
      await call(saleRoute.GET as Handler, `/sales/${ids[3]}`, {
        key,
        params: { id: String(ids[3]) },
      })
    ).body.status;
    expect(['failed', 'pending']).toContain(refusedStatus);
    const byStatus = await call(salesRoute.GET as Handler, `/sales?status=${refusedStatus}`, {
      key,
    });
    expect(byStatus.body.data.map((s: { phone: string }) => s.phone)).toEqual([numbers[3]]);
    const successes = await call(salesRoute.GET as Handler, '/sales?status=success', { key });
    expect(successes.body.data.map((s: { id: number }) => s.id)).toEqual([
      ids[4],
      ids[2],
      ids[1],
      ids[0],
    ]);
    const byPhone = await call(
      salesRoute.GET as Handler,
      `/sales?phone=${encodeURIComponent(`+234${numbers[1]!.slice(1)}`)}`,
      { key },
    );
    expect(byPhone.body.data.map((s: { id: number }) => s.id)).toEqual([ids[1]]);
    const reference = (
      await call(saleRoute.GET as Handler, `/sales/${ids[2]}`, {
        key,
        params: { id: String(ids[2]) },
      })
    ).body.reference;
    const byRef = await call(salesRoute.GET as Handler, `/sales?reference=${reference}`, { key });
    expect(byRef.body.data.map((s: { id: number }) => s.id)).toEqual([ids[2]]);
    const future = await call(
      salesRoute.GET as Handler,
      `/sales?from=${new Date(Date.now() + 60_000).toISOString()}`,
      { key },
    );
    expect(future.body.data).toEqual([]);
    const past = await call(
      salesRoute.GET as Handler,
      `/sales?to=${new Date(Date.now() + 60_000).toISOString()}`,
      { key },
    );
    expect(past.body.data).toHaveLength(5);
    expectProblem(
      await call(salesRoute.GET as Handler, '/sales?from=yesterday', { key }),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(salesRoute.GET as Handler, '/sales?cursor=!!', { key }),
      400,
      'validation_failed',
    );
  });

  it('answers another agent’s sale as not found', async () => {
    const agentId = await world.newAgent(1_000_000);
    const { key } = await newKey(agentId, ['read', 'sell']);
    const sold = await post(
      { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 },
      newIdem(),
      { key },
    );
    const mine = await call(saleRoute.GET as Handler, `/sales/${sold.body.id}`, {
      key,
      params: { id: String(sold.body.id) },
    });
    expect(mine.body).toEqual(sold.body);
    const theirs = await call(saleRoute.GET as Handler, `/sales/${sold.body.id}`, {
      params: { id: String(sold.body.id) },
    });
    expectProblem(theirs, 404, 'not_found');
    expectProblem(
      await call(saleRoute.GET as Handler, '/sales/abc', { params: { id: 'abc' } }),
      400,
      'validation_failed',
    );
  });

  it('pages the wallet statement with the running balance each row had', async () => {
    const agentId = await world.newAgent(1_000_000);
    const { key } = await newKey(agentId, ['read', 'sell']);
    for (let i = 0; i < 3; i += 1) {
      await post(
        { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 },
        newIdem(),
        {
          key,
        },
      );
    }
    const rows: { id: number; debitMinor: number; creditMinor: number; balanceMinor: number }[] =
      [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: typeof rows; nextCursor: string | null } } = await call(
        statementRoute.GET as Handler,
        `/wallet/statement?currency=NGN&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { key },
      );
      rows.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expectDocumented(schemas.statementRowSchema, row);
    const oldestFirst = [...rows].reverse();
    let balance = 0;
    for (const row of oldestFirst) {
      balance += row.creditMinor - row.debitMinor;
      expect(row.balanceMinor).toBe(balance);
    }
    const balances = await call(balancesRoute.GET as Handler, '/balances', { key });
    expect(balances.body.data).toEqual([
      expect.objectContaining({ currency: 'NGN', balanceMinor: balance }),
    ]);
    expectDocumented(schemas.balancesSchema, balances.body);
  });

  it('lists the catalogue by country, network and type, and looks numbers up', async () => {
    const data = await call(
      catalogueRoute.GET as Handler,
      '/catalogue?country=NG&network=mtn&type=data',
    );
    expect(data.status).toBe(200);
    expect(data.body.data.length).toBeGreaterThan(0);
    expectDocumented(schemas.catalogueSchema, data.body);
    for (const plan of data.body.data)
      expect(plan).toMatchObject({ network: 'MTN', type: 'data', currency: 'NGN', country: 'NG' });
    const india = await call(catalogueRoute.GET as Handler, '/catalogue?country=IN');
    expect(new Set(india.body.data.map((p: { currency: string }) => p.currency))).toEqual(
      new Set(['INR']),
    );
    expectProblem(
      await call(catalogueRoute.GET as Handler, '/catalogue?country=GH'),
      400,
      'validation_failed',
    );

    const glo = await call(
      lookupRoute.GET as Handler,
      `/lookup?phone=${encodeURIComponent('+234 805 123 4567')}`,
    );
    expect(glo.body).toEqual({
      country: 'NG',
      phone: '08051234567',
      network: 'GLO',
      circle: null,
      detected: true,
    });
    expectDocumented(schemas.lookupSchema, glo.body);
    const indian = await call(lookupRoute.GET as Handler, '/lookup?country=IN&phone=9812345678');
    expect(indian.body).toMatchObject({ country: 'IN', phone: '9812345678', detected: false });
    const bad = await call(lookupRoute.GET as Handler, '/lookup?phone=123');
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body.field).toBe('phone');
  });
});

describe('rate limits', () => {
  it('counts one window across connections (processes), so two servers share a key’s limit', async () => {
    const { row } = await newKey(world.agentId, ['read']);
    const key = { ...row, readRatePerSecond: 3 };
    const other = openAt(world.file);
    try {
      const now = Date.parse('2031-01-01T00:00:00.100Z');
      const allowed: boolean[] = [];
      for (const db of [world.db, other, world.db, other])
        allowed.push((await consumeRate(db, key, 'read', now)).allowed);
      expect(allowed).toEqual([true, true, true, false]);
      expect((await consumeRate(other, key, 'read', now + 1_000)).allowed).toBe(true); // the next second starts afresh
    } finally {
      await closeDatabase(other);
    }
  });

  it('answers 429 with Retry-After past the key’s limit in one second, with RateLimit-* headers throughout', async () => {
    const { key, row } = await newKey(world.agentId, ['read', 'sell']);
    await setApiKeyRateLimits(world.db, SYSTEM_ACTOR, row.id, {
      readRatePerSecond: 3,
      saleRatePerSecond: 1,
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00.250Z'));
      const answers = [];
      for (let i = 0; i < 4; i += 1)
        answers.push(await call(balancesRoute.GET as Handler, '/balances', { key }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual([
        '2',
        '1',
        '0',
        '0',
      ]);
      expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
      expect(answers[0]!.headers.get('ratelimit-reset')).toBe('1');
      expectProblem(answers[3]!, 429, 'rate_limited');
      expect(answers[3]!.headers.get('retry-after')).toBe('1');
      // Sales have their own budget: reads spent do not stop a sale.
      const sold = await post(
        { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 },
        newIdem(),
        { key },
      );
      expect(sold.status).toBe(201);
      vi.setSystemTime(new Date('2030-01-01T00:00:00.900Z'));
      expect(
        (
          await post(
            { productId: (await airtime()).id, phone: phone('00'), amountMinor: 10_000 },
            newIdem(),
            { key },
          )
        ).status,
      ).toBe(429);
      vi.setSystemTime(new Date('2030-01-01T00:00:01.000Z'));
      expect((await call(balancesRoute.GET as Handler, '/balances', { key })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
