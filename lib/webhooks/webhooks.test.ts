import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webhookDeliveries, webhookEvents } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { fundWallet } from '@/lib/ledger/funding';
import { startSale } from '@/lib/purchases/start-sale';
import { createWorld, type World } from '@/test/world';
import { RETRY_DELAYS_MS, RETRY_WINDOW_MS, runWebhookPass } from './deliver';
import {
  createEndpoint,
  listAttempts,
  listDeliveries,
  resendDelivery,
  rotateSecret,
  setPaused,
  type WebhookEndpoint,
} from './endpoints';
import { DEMO_POLICY, STRICT } from './target';
import { sqliteFile } from '@/db/client';
import { execute } from '@/db/query';
import { testEngine } from '@/test/world/engine';

interface Received {
  headers: Record<string, string>;
  body: string;
}
let w: World;
let server: http.Server;
let receiverUrl: string;
let received: Received[] = [];
/** What the receiver answers next (then 200 for good). */
let answers: number[] = [];

beforeAll(async () => {
  w = await createWorld();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res
        .writeHead(answers.shift() ?? 200, { 'content-type': 'text/plain' })
        .end(`thanks ${'x'.repeat(2_000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}, 120_000);
afterAll(async () => {
  server?.close();
  await w?.close();
});
beforeEach(() => {
  received = [];
  answers = [];
});

/**
 * Makes every insert into purchase_resolutions fail with "settle refused" until the returned undo runs:
 * a temporary trigger on SQLite's one connection; on PostgreSQL (a pool) a trigger on the world's own
 * database, dropped again.
 */
async function refuseSettlements(): Promise<() => Promise<void>> {
  if (testEngine() === 'sqlite') {
    sqliteFile(w.db).exec(
      `create temp trigger no_settle before insert on purchase_resolutions begin select raise(abort, 'settle refused'); end`,
    );
    return async () => {
      sqliteFile(w.db).exec('drop trigger no_settle');
    };
  }
  await execute(
    w.db,
    sql`create function no_settle() returns trigger language plpgsql
      as $$ begin raise exception 'settle refused'; end $$`,
  );
  await execute(
    w.db,
    sql`create trigger no_settle before insert on purchase_resolutions
      for each row execute function no_settle()`,
  );
  return async () => {
    await execute(w.db, sql`drop trigger no_settle on purchase_resolutions`);
    await execute(w.db, sql`drop function no_settle()`);
  };
}

async function endpointFor(
  agentId: number,
  events: WebhookEndpoint['events'] = ['sale.succeeded', 'sale.failed', 'wallet.credited'],
) {
  const created = await createEndpoint(w.db, agentId, { url: receiverUrl, events }, DEMO_POLICY);
  if (!created.ok) throw new Error(created.refusal.message);
  return created.endpoint;
}

let phones = 0;
const mtn = (lastTwo = '00') => `0803${String(70_000 + ++phones).padStart(5, '0')}${lastTwo}`;
const sell = async (agentId: number, phone = mtn()) =>
  await startSale(w.db, agentId, {
    idempotencyKey: `wh-${phone}`,
    productId: (await w.product({ network: 'MTN', type: 'airtime' })).id,
    phone,
    network: 'MTN',
    amountMinor: 10_000,
  });
const eventsOf = async (agentId: number) =>
  await w.db.select().from(webhookEvents).where(eq(webhookEvents.agentId, agentId));

describe('webhook outbox', () => {
  it('a settled sale and a wallet credit each write their event in the same transaction; a rolled-back settle writes none', async () => {
    const agent = await w.newAgent(1_000_000);
    await endpointFor(agent);
    expect((await sell(agent)).ok).toBe(true);
    await fundWallet(w.db, SYSTEM_ACTOR, {
      agentId: agent,
      currency: 'NGN',
      amount: 5_000,
      direction: 'credit',
      reference: `wh-credit-${agent}`,
      reason: 't',
    });
    expect((await eventsOf(agent)).map((e) => e.type)).toEqual([
      'sale.succeeded',
      'wallet.credited',
    ]);

    // The settle transaction aborts after the status change: neither the settlement nor its event may remain.
    const undo = await refuseSettlements();
    try {
      // The driver wraps the engine's error (DrizzleQueryError: "Failed query: …"); the trigger's is its cause.
      await expect(sell(agent)).rejects.toMatchObject({ cause: { message: 'settle refused' } });
    } finally {
      await undo();
    }
    expect((await eventsOf(agent)).map((e) => e.type)).toEqual([
      'sale.succeeded',
      'wallet.credited',
    ]);
  });

  it('an agent without endpoints gets no events; events not subscribed to are not delivered', async () => {
    const quiet = await w.newAgent(1_000_000);
    await sell(quiet);
    expect(await eventsOf(quiet)).toEqual([]);
    const picky = await w.newAgent(1_000_000);
    await endpointFor(picky, ['sale.failed']);
    await sell(picky);
    expect(await eventsOf(picky)).toEqual([]);
  });
});

describe('webhook delivery', () => {
  it('signs with the Standard Webhooks headers that the library’s own verifier accepts, and logs the attempt', async () => {
    const agent = await w.newAgent(1_000_000);
    const endpoint = await endpointFor(agent);
    await sell(agent);
    expect(await runWebhookPass(w.db, { policy: DEMO_POLICY })).toBeGreaterThanOrEqual(1);
    const [event] = await eventsOf(agent);
    const got = received.find((r) => r.headers['webhook-id'] === event!.messageId)!;
    const verified = new Webhook(endpoint.secret).verify(got.body, got.headers) as {
      type: string;
      data: { status: string; face_minor: number };
    };
    expect(verified).toMatchObject({
      type: 'sale.succeeded',
      data: { status: 'SUCCESS', face_minor: 10_000 },
    });
    expect(got.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    // A tampered body is refused by the same verifier.
    expect(() =>
      new Webhook(endpoint.secret).verify(got.body.replace('10000', '99999'), got.headers),
    ).toThrow();
    const [log] = await listDeliveries(w.db, agent, endpoint.id);
    expect(log).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      last: { statusCode: 200, error: null },
    });
    expect(log!.last!.responseExcerpt).toHaveLength(500);
    expect(log!.last!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('retries a failing receiver with backoff, then delivers; gives up after a day of failures', async () => {
    const agent = await w.newAgent(1_000_000);
    const endpoint = await endpointFor(agent, ['sale.succeeded']);
    await sell(agent);
    const t0 = Date.now();
    answers = [500, 503];
    await runWebhookPass(w.db, { policy: DEMO_POLICY, now: () => t0 });
    // Not due before its backoff.
    expect(
      await runWebhookPass(w.db, { policy: DEMO_POLICY, now: () => t0 + RETRY_DELAYS_MS[0]! - 1 }),
    ).toBe(0);
    await runWebhookPass(w.db, { policy: DEMO_POLICY, now: () => t0 + RETRY_DELAYS_MS[0]! });
    await runWebhookPass(w.db, {
      policy: DEMO_POLICY,
      now: () => t0 + RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]!,
    });
    const [log] = await listDeliveries(w.db, agent, endpoint.id);
    expect(log).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect((await listAttempts(w.db, agent, log!.id)).map((a) => a.statusCode)).toEqual([
      500, 503, 200,
    ]);
    // Every try carried the same message id.
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);

    // A receiver that never says yes: tried on the schedule until the next try would pass 24 hours.
    const failing = await w.newAgent(1_000_000);
    const down = await endpointFor(failing, ['sale.succeeded']);
    await sell(failing);
    answers = Array(50).fill(500);
    let at = Date.now();
    for (let i = 0; i < 20; i += 1) {
      await runWebhookPass(w.db, { policy: DEMO_POLICY, now: () => at });
      at += (30 * 3_600_000) / 20 + 1;
      const delivery = (await listDeliveries(w.db, failing, down.id))[0]!;
      if (delivery.status !== 'pending') break;
      at = Math.max(at, delivery.nextAt);
    }
    const gaveUp = (await listDeliveries(w.db, failing, down.id))[0]!;
    expect(gaveUp.status).toBe('failed');
    const tries = await listAttempts(w.db, failing, gaveUp.id);
    expect(tries.length).toBeGreaterThan(5);
    expect(tries.at(-1)!.at - tries[0]!.at).toBeLessThanOrEqual(RETRY_WINDOW_MS);
  });

  it('pause holds deliveries until resumed; resend sends the same message again', async () => {
    const agent = await w.newAgent(1_000_000);
    const endpoint = await endpointFor(agent, ['sale.succeeded']);
    expect(await setPaused(w.db, agent, endpoint.id, true)).toBe(true);
    await sell(agent);
    await runWebhookPass(w.db, { policy: DEMO_POLICY });
    expect(received).toEqual([]);
    await setPaused(w.db, agent, endpoint.id, false);
    await runWebhookPass(w.db, { policy: DEMO_POLICY });
    expect(received).toHaveLength(1);
    const [delivery] = await listDeliveries(w.db, agent, endpoint.id);
    expect(await resendDelivery(w.db, await w.newAgent(1), delivery!.id)).toBe(false); // another agent's delivery
    expect(await resendDelivery(w.db, agent, delivery!.id)).toBe(true);
    await runWebhookPass(w.db, { policy: DEMO_POLICY });
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([
      received[0]!.headers['webhook-id'],
      received[0]!.headers['webhook-id'],
    ]);
    expect(await listAttempts(w.db, agent, delivery!.id)).toHaveLength(2);
  });

  it('rotation: during the overlap each message verifies with the old and the new secret; after it, only the new', async () => {
    const agent = await w.newAgent(1_000_000);
    const endpoint = await endpointFor(agent, ['wallet.credited']);
    const t0 = Date.now();
    const fresh = (await rotateSecret(w.db, agent, endpoint.id, t0, 60_000))!;
    expect(fresh).toMatch(/^whsec_/);
    expect(await rotateSecret(w.db, await w.newAgent(1), endpoint.id)).toBeNull();
    await fundWallet(w.db, SYSTEM_ACTOR, {
      agentId: agent,
      currency: 'NGN',
      amount: 100,
      direction: 'credit',
      reference: `rot-${agent}`,
      reason: 't',
    });
    await runWebhookPass(w.db, { policy: DEMO_POLICY, now: () => t0 + 1_000 });
    const during = received[0]!;
    expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(fresh).verify(during.body, during.headers)).toMatchObject({
      type: 'wallet.credited',
    });
    expect(new Webhook(endpoint.secret).verify(during.body, during.headers)).toMatchObject({
      type: 'wallet.credited',
    });

    const [delivery] = await listDeliveries(w.db, agent, endpoint.id);
    await resendDelivery(w.db, agent, delivery!.id, t0 + 61_000);
    await runWebhookPass(w.db, { policy: DEMO_POLICY, now: () => t0 + 61_000 });
    const after = received[1]!;
    // The library checks the timestamp against its own clock: sign-time t0+61 s is within its tolerance.
    expect(new Webhook(fresh).verify(after.body, after.headers)).toMatchObject({
      type: 'wallet.credited',
    });
    expect(() => new Webhook(endpoint.secret).verify(after.body, after.headers)).toThrow();
  });
});

describe('webhook targets (server-side request forgery)', () => {
  it.each([
    ['http://example.com/hooks', 'The address must start with https://.'],
    ['https://127.0.0.1/hooks', 'private or local'],
    ['https://[::1]/hooks', 'private or local'],
    ['https://[::ffff:127.0.0.1]/hooks', 'private or local'],
    ['https://169.254.169.254/latest/meta-data', 'private or local'],
    ['https://10.1.2.3/hooks', 'private or local'],
    ['https://192.168.0.10/hooks', 'private or local'],
    ['https://100.64.0.1/hooks', 'private or local'],
    ['https://0.0.0.0/hooks', 'private or local'],
    ['https://localhost/hooks', 'private or local'],
    ['https://user:secret@example.com/hooks', 'user name or password'],
    ['not a url', 'Enter a full address'],
  ])('refuses %s outside demo mode', async (url, error) => {
    const agent = await w.newAgent(1);
    const created = await createEndpoint(w.db, agent, { url, events: ['sale.succeeded'] }, STRICT);
    expect(created).toMatchObject({
      ok: false,
      refusal: { message: expect.stringContaining(error), field: 'url' },
    });
  });

  it('refuses at delivery time too: an endpoint on this machine gets nothing outside demo mode, even through a name', async () => {
    const agent = await w.newAgent(1_000_000);
    await endpointFor(agent, ['sale.succeeded']);
    // The machine's own name resolves to a local address when the message leaves (what DNS rebinding does).
    const port = new URL(receiverUrl).port;
    const viaName = await createEndpoint(
      w.db,
      agent,
      { url: `http://${os.hostname()}:${port}/hooks`, events: ['sale.succeeded'] },
      DEMO_POLICY,
    );
    expect(viaName.ok).toBe(true);
    await sell(agent);
    await runWebhookPass(w.db, { policy: { allowHttp: true, allowPrivate: false } });
    expect(received).toEqual([]);
    const agentEvents = await eventsOf(agent);
    const deliveries = (await w.db.select().from(webhookDeliveries)).filter((d) =>
      agentEvents.some((e) => e.id === d.eventId),
    );
    const errors: (string | null)[] = [];
    for (const d of deliveries)
      errors.push(...(await listAttempts(w.db, agent, d.id)).map((a) => a.error));
    expect(errors).toHaveLength(2);
    expect(errors).toEqual([
      expect.stringContaining('private or local'),
      expect.stringContaining('resolves to a private or local address'),
    ]);
    expect(deliveries.every((d) => d.status === 'pending')).toBe(true);
  });
});
