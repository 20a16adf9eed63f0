import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { purchases, receiptLinks } from '@/db/schema';
import { clearHits } from '@/lib/auth/throttle';
import { startSale } from '@/lib/purchases/start-sale';
import type { World } from '@/test/world';
import { withWorld } from '@/test/world/hooks';
import {
  countLiveReceiptLinks,
  issueReceiptToken,
  MAX_LIVE_LINKS_PER_SALE,
  revokeReceiptLinks,
} from './issue';
import { lookupReceipt, RECEIPT_RULES } from './lookup';
import { getPublicReceipt } from './queries';
import { NOT_FOUND_BODY, receiptResponse } from './respond';
import { hashReceiptToken, legacyReceiptToken, receiptUrlFor } from './token';
import { first, rows } from '@/db/query';

let world: World;
let otherAgent: number;
withWorld(10_000_000, async (w) => {
  world = w;
  otherAgent = await w.newAgent(1_000_000);
});

let counter = 0;
const number = (lastTwo: string) =>
  `0803${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}${lastTwo}`;

async function sell(agentId: number, lastTwo = '00', amountMinor = 50_000) {
  const product = await world.product({ network: 'MTN', type: 'airtime' });
  const phone = number(lastTwo);
  const result = await startSale(world.db, agentId, {
    idempotencyKey: `receipt-${Date.now()}-${++counter}`,
    productId: product.id,
    phone,
    network: 'MTN',
    amountMinor,
  });
  if (!result.ok) throw new Error(result.refusal.message);
  return { ...result.outcome, phone };
}

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

describe('receipt tokens', () => {
  it('are 32 url-safe characters of fresh randomness (192 bits), not derived from the sale, and only their SHA-256 is stored', async () => {
    const sale = await sell(world.agentId);
    const token = await issueReceiptToken(world.db, world.agentId, sale.purchaseId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token!, 'base64url')).toHaveLength(24);
    expect(token).not.toBe(legacyReceiptToken(sale.purchaseId));
    const links = await world.db
      .select()
      .from(receiptLinks)
      .where(eq(receiptLinks.purchaseId, sale.purchaseId));
    expect(links).toEqual([
      expect.objectContaining({
        tokenHash: createHash('sha256').update(token!).digest('hex'),
        revokedAt: null,
      }),
    ]);
    const stored = JSON.stringify([
      links,
      await first(world.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId))),
    ]);
    expect(stored).not.toContain(token!);
  });

  it('issues a new link on every share, and every one of them opens the sale', async () => {
    const sale = await sell(world.agentId);
    const tokens: string[] = [];
    for (let share = 0; share < 3; share++)
      tokens.push((await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens)
      expect(await getPublicReceipt(world.db, token)).toMatchObject({ amountMinor: 50_000 });
    expect(await countLiveReceiptLinks(world.db, world.agentId, sale.purchaseId)).toBe(3);
    expect(receiptUrlFor(tokens[0]!, 'https://portal.example')).toBe(
      `https://portal.example/r/${tokens[0]}`,
    );
  });

  it('refuses to issue a link for another agent’s sale and stores nothing', async () => {
    const sale = await sell(world.agentId);
    expect(await issueReceiptToken(world.db, otherAgent, sale.purchaseId)).toBeNull();
    expect(
      await world.db
        .select()
        .from(receiptLinks)
        .where(eq(receiptLinks.purchaseId, sale.purchaseId)),
    ).toEqual([]);
  });

  it('opens only its own sale: one sale’s token never opens another', async () => {
    const a = await sell(world.agentId, '00', 20_000);
    const b = await sell(otherAgent, '00', 30_000);
    const tokenA = (await issueReceiptToken(world.db, world.agentId, a.purchaseId))!;
    const tokenB = (await issueReceiptToken(world.db, otherAgent, b.purchaseId))!;
    expect(await getPublicReceipt(world.db, tokenA)).toMatchObject({
      maskedReference: `…${a.reference.slice(-4)}`,
      amountMinor: 20_000,
    });
    expect(await getPublicReceipt(world.db, tokenB)).toMatchObject({
      maskedReference: `…${b.reference.slice(-4)}`,
      amountMinor: 30_000,
    });
  });

  it('is not issued until asked: a sale without a link opens for nobody, not even by its old derived token', async () => {
    const sale = await sell(world.agentId);
    expect(await getPublicReceipt(world.db, legacyReceiptToken(sale.purchaseId)!)).toBeNull();
  });

  it('refuses a new link once a sale has the most live links allowed, until they are revoked', async () => {
    const sale = await sell(world.agentId);
    for (let i = 0; i < MAX_LIVE_LINKS_PER_SALE; i += 1)
      await issueReceiptToken(world.db, world.agentId, sale.purchaseId);
    await expect(issueReceiptToken(world.db, world.agentId, sale.purchaseId)).rejects.toThrow(
      /Revoke them/,
    );
    await revokeReceiptLinks(world.db, actorFor(world.agentId), sale.purchaseId);
    expect(await issueReceiptToken(world.db, world.agentId, sale.purchaseId)).toMatch(
      /^[A-Za-z0-9_-]{32}$/,
    );
  });
});

/** A link shared before random tokens: its derived token's hash sits on the purchase row. */
async function shareTheOldWay(purchaseId: number): Promise<string> {
  const token = legacyReceiptToken(purchaseId)!;
  await world.db
    .update(purchases)
    .set({ receiptTokenHash: hashReceiptToken(token) })
    .where(eq(purchases.id, purchaseId));
  return token;
}

const actorFor = (userId: number) => ({ userId, label: `agent ${userId}`, ip: '198.51.100.7' });

describe('links shared before random tokens', () => {
  it('keep opening their sale, beside new random links', async () => {
    const sale = await sell(world.agentId, '00', 40_000);
    const old = await shareTheOldWay(sale.purchaseId);
    const fresh = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    expect(await getPublicReceipt(world.db, old)).toMatchObject({ amountMinor: 40_000 });
    expect(await getPublicReceipt(world.db, fresh)).toMatchObject({ amountMinor: 40_000 });
    expect(await countLiveReceiptLinks(world.db, world.agentId, sale.purchaseId)).toBe(2);
  });

  it('stop opening when the key rotates, even though the old hash is still stored', async () => {
    const sale = await sell(world.agentId);
    await shareTheOldWay(sale.purchaseId);
    const rotated = legacyReceiptToken(
      sale.purchaseId,
      'another-receipt-key-of-at-least-32-chars',
    )!;
    await world.db
      .update(purchases)
      .set({ receiptTokenHash: hashReceiptToken(rotated) })
      .where(eq(purchases.id, sale.purchaseId));
    // The stored hash matches `rotated`, but the current key does not derive it: refused.
    expect(await getPublicReceipt(world.db, rotated)).toBeNull();
  });
});

describe('revoking a sale’s receipt links', () => {
  it('ends every link of the sale, the old derived one too, and audits it; a link shared afterwards opens', async () => {
    const sale = await sell(world.agentId);
    const old = await shareTheOldWay(sale.purchaseId);
    const links = [
      (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!,
      (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!,
    ];
    const neighbour = await sell(world.agentId);
    const neighbourLink = (await issueReceiptToken(world.db, world.agentId, neighbour.purchaseId))!;

    expect(await revokeReceiptLinks(world.db, actorFor(world.agentId), sale.purchaseId)).toBe(3);
    for (const token of [old, ...links])
      expect(await getPublicReceipt(world.db, token), token).toBeNull();
    expect(await countLiveReceiptLinks(world.db, world.agentId, sale.purchaseId)).toBe(0);
    expect(await getPublicReceipt(world.db, neighbourLink)).not.toBeNull();
    const audit = await rows<{ actor_user_id: number | null; ip: string | null; detail: string }>(
      world.db,
      sql`select actor_user_id, ip, detail from audit_log where action = 'receipt.revoke' and target_id = ${String(sale.purchaseId)}`,
    );
    // The detail compared as JSON: PostgreSQL's jsonb gives it back in its own spelling.
    expect(audit.map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }))).toEqual([
      {
        actor_user_id: world.agentId,
        ip: '198.51.100.7',
        detail: { links: 2, legacyLink: true },
      },
    ]);

    const again = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    expect(await getPublicReceipt(world.db, again)).not.toBeNull();
    for (const token of [old, ...links]) expect(await getPublicReceipt(world.db, token)).toBeNull();
  });

  it('is refused for another agent’s sale and changes nothing', async () => {
    const sale = await sell(world.agentId);
    const token = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    expect(await revokeReceiptLinks(world.db, actorFor(otherAgent), sale.purchaseId)).toBeNull();
    expect(await getPublicReceipt(world.db, token)).not.toBeNull();
    expect(
      await rows(
        world.db,
        sql`select 1 from audit_log where action = 'receipt.revoke' and target_id = ${String(sale.purchaseId)}`,
      ),
    ).toEqual([]);
  });
});

describe('the public receipt', () => {
  it('shows the sale with a masked number, only the tail of our provider reference, and nothing of the agent', async () => {
    const sale = await sell(world.agentId, '00', 50_000);
    const token = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    const receipt = (await getPublicReceipt(world.db, token))!;
    expect(receipt).toMatchObject({
      status: 'SUCCESS',
      network: 'MTN',
      type: 'airtime',
      currency: 'NGN',
      amountMinor: 50_000,
      maskedReference: `…${sale.reference.slice(-4)}`,
    });
    expect(receipt.phone).toBe(`${sale.phone.slice(0, 4)}•••${sale.phone.slice(-4)}`);
    // A top-up has no bill account and delivers no token.
    expect(receipt).toMatchObject({ account: null, delivered: null, awaitingToken: false });
    // A bill's account and delivered value (the token the customer types in) are the customer's own.
    expect(Object.keys(receipt).sort()).toEqual([
      'account',
      'amountMinor',
      'awaitingToken',
      'createdAt',
      'currency',
      'delivered',
      'finalAt',
      'maskedReference',
      'network',
      'operatorRef',
      'phone',
      'product',
      'status',
      'type',
    ]);
    const json = JSON.stringify(receipt);
    expect(json).not.toContain(sale.phone);
    // The full reference is what a provider callback names: a receipt holder must not learn it.
    expect(json).not.toContain(sale.reference);
    expect(json).not.toContain(sale.reference.slice(-8));
    // Compared as values: a digit run such as the commission's can also sit inside the masked number.
    expect(Object.values(receipt)).not.toContain(sale.agentCostMinor);
    expect(Object.values(receipt)).not.toContain(sale.commissionMinor);

    // The card shows only these fields (components/receipts/receipt-card.test.ts).
  });

  it('answers a found receipt with the no-store, no-referrer and noindex headers', async () => {
    const sale = await sell(world.agentId);
    const token = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    const response = receiptResponse(await lookupReceipt(world.db, token, freshIp()));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    const body = await response.text();
    expect(body).not.toContain(sale.phone);
    expect(body).not.toContain(sale.reference);
    expect(JSON.parse(body)).toMatchObject({ maskedReference: `…${sale.reference.slice(-4)}` });
  });

  it('answers a missing, a guessed and a malformed token with the same 404', async () => {
    const sale = await sell(world.agentId);
    const real = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    const guessed = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    const tokens = [
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', // well formed, never issued
      guessed, // one character off a real token
      legacyReceiptToken(sale.purchaseId)!, // the old derived token of a sale never shared the old way
      String(sale.purchaseId), // the id itself
      '../../etc/passwd',
      `${real}x`, // too long
      '',
    ];
    const answers = [];
    for (const token of tokens) {
      const response = receiptResponse(await lookupReceipt(world.db, token, freshIp()));
      answers.push({
        status: response.status,
        body: await response.text(),
        cache: response.headers.get('cache-control'),
        robots: response.headers.get('x-robots-tag'),
      });
    }
    const expected = {
      status: 404,
      body: JSON.stringify(NOT_FOUND_BODY),
      cache: 'no-store',
      robots: 'noindex',
    };
    expect(answers).toEqual(tokens.map(() => expected));
  });

  it('throttles an IP that keeps missing, even for a real token, and leaves other IPs alone', async () => {
    const sale = await sell(world.agentId);
    const real = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    const ip = freshIp();
    for (let i = 0; i < RECEIPT_RULES.misses.limit; i += 1) {
      expect(await lookupReceipt(world.db, `guess${String(i).padStart(27, '0')}`, ip)).toEqual({
        ok: false,
        reason: 'not_found',
      });
    }
    const blocked = receiptResponse(await lookupReceipt(world.db, real, ip));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await lookupReceipt(world.db, real, freshIp())).ok).toBe(true);
    await clearHits(world.db, `receipt-miss:${ip}`);
    expect((await lookupReceipt(world.db, real, ip)).ok).toBe(true);
  });

  it('follows a pending sale to its final status', async () => {
    const sale = await sell(world.agentId, '51');
    expect(sale.status).toBe('PENDING');
    const token = (await issueReceiptToken(world.db, world.agentId, sale.purchaseId))!;
    expect((await getPublicReceipt(world.db, token))?.status).toBe('PENDING');
    await world.db
      .update(purchases)
      .set({ status: 'SUCCESS', operatorRef: 'OP-123', finalAt: Date.now() })
      .where(eq(purchases.id, sale.purchaseId));
    expect(await getPublicReceipt(world.db, token)).toMatchObject({
      status: 'SUCCESS',
      operatorRef: 'OP-123',
    });
  });
});
