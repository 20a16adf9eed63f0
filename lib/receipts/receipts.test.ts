import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { purchases } from '@/db/schema';
import { ReceiptCard } from '@/components/receipts/receipt-card';
import { clearHits } from '@/lib/auth/throttle';
import { startSale } from '@/lib/purchases/start-sale';
import { withSaleWorld, type SaleWorld } from '@/lib/testing/sale-world';
import { issueReceiptToken } from './issue';
import { lookupReceipt, RECEIPT_RULES } from './lookup';
import { getPublicReceipt } from './queries';
import { NOT_FOUND_BODY, receiptResponse } from './respond';
import { deriveReceiptToken, hashReceiptToken, receiptUrlFor } from './token';

let world: SaleWorld;
let otherAgent: number;
withSaleWorld(10_000_000, (w) => {
  world = w;
  otherAgent = w.newAgent(1_000_000);
});

let counter = 0;
const number = (lastTwo: string) => `0803${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}${lastTwo}`;

async function sell(agentId: number, lastTwo = '00', amountMinor = 50_000) {
  const product = world.product({ network: 'MTN', type: 'airtime' });
  const phone = number(lastTwo);
  const result = await startSale(world.db, agentId, { idempotencyKey: `receipt-${Date.now()}-${++counter}`, productId: product.id, phone, network: 'MTN', amountMinor });
  if (!result.ok) throw new Error(result.error);
  return { ...result.outcome, phone };
}

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

describe('receipt tokens', () => {
  it('are 32 url-safe characters (192 bits), never the id, and only their SHA-256 is stored', async () => {
    const sale = await sell(world.agentId);
    const token = issueReceiptToken(world.db, world.agentId, sale.purchaseId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(token).not.toContain(String(sale.purchaseId));
    const row = world.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId)).get()!;
    expect(row.receiptTokenHash).toBe(hashReceiptToken(token!));
    expect(row.receiptTokenHash).not.toContain(token!);
    expect(JSON.stringify(row)).not.toContain(token!);
  });

  it('gives the agent the same link again later, without storing the token', async () => {
    const sale = await sell(world.agentId);
    const first = issueReceiptToken(world.db, world.agentId, sale.purchaseId);
    const again = issueReceiptToken(world.db, world.agentId, sale.purchaseId);
    expect(again).toBe(first);
    expect(receiptUrlFor(first!, 'https://portal.example')).toBe(`https://portal.example/r/${first}`);
  });

  it('refuses to issue a link for another agent’s sale and stores nothing', async () => {
    const sale = await sell(world.agentId);
    expect(issueReceiptToken(world.db, otherAgent, sale.purchaseId)).toBeNull();
    const row = world.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId)).get()!;
    expect(row.receiptTokenHash).toBeNull();
  });

  it('opens only its own sale: one sale’s token never opens another', async () => {
    const a = await sell(world.agentId, '00', 20_000);
    const b = await sell(otherAgent, '00', 30_000);
    const tokenA = issueReceiptToken(world.db, world.agentId, a.purchaseId)!;
    const tokenB = issueReceiptToken(world.db, otherAgent, b.purchaseId)!;
    expect(tokenA).not.toBe(tokenB);
    expect(getPublicReceipt(world.db, tokenA)).toMatchObject({ reference: a.reference, amountMinor: 20_000 });
    expect(getPublicReceipt(world.db, tokenB)).toMatchObject({ reference: b.reference, amountMinor: 30_000 });
    // A token derived for a neighbouring id that was never issued opens nothing.
    expect(getPublicReceipt(world.db, deriveReceiptToken(b.purchaseId + 1000))).toBeNull();
  });

  it('is not issued until asked: a sale without a stored hash opens for nobody', async () => {
    const sale = await sell(world.agentId);
    expect(getPublicReceipt(world.db, deriveReceiptToken(sale.purchaseId))).toBeNull();
  });

  it('stops opening when the key rotates, even though the old hash is still stored', async () => {
    const sale = await sell(world.agentId);
    const token = issueReceiptToken(world.db, world.agentId, sale.purchaseId)!;
    const rotated = deriveReceiptToken(sale.purchaseId, 'another-receipt-key-of-at-least-32-chars');
    expect(rotated).not.toBe(token);
    world.db.update(purchases).set({ receiptTokenHash: hashReceiptToken(rotated) }).where(eq(purchases.id, sale.purchaseId)).run();
    // The stored hash matches `rotated`, but the current key does not derive it: refused.
    expect(getPublicReceipt(world.db, rotated)).toBeNull();
  });
});

describe('the public receipt', () => {
  it('shows the sale with a masked number and nothing of the agent', async () => {
    const sale = await sell(world.agentId, '00', 50_000);
    const token = issueReceiptToken(world.db, world.agentId, sale.purchaseId)!;
    const receipt = getPublicReceipt(world.db, token)!;
    expect(receipt).toMatchObject({ status: 'SUCCESS', network: 'MTN', type: 'airtime', currency: 'NGN', amountMinor: 50_000, reference: sale.reference });
    expect(receipt.phone).toBe(`${sale.phone.slice(0, 4)}•••${sale.phone.slice(-4)}`);
    expect(Object.keys(receipt).sort()).toEqual(['amountMinor', 'createdAt', 'currency', 'finalAt', 'network', 'operatorRef', 'phone', 'product', 'reference', 'status', 'type']);
    const json = JSON.stringify(receipt);
    expect(json).not.toContain(sale.phone);
    expect(json).not.toContain(String(sale.agentCostMinor));
    expect(json).not.toContain(String(sale.commissionMinor));

    const html = renderToStaticMarkup(createElement(ReceiptCard, { receipt }));
    expect(html).not.toContain(sale.phone);
    expect(html).toContain(receipt.phone);
    expect(html).toContain('₦500.00');
    expect(html).toContain(sale.reference);
    expect(html).toContain('Successful');
  });

  it('answers a found receipt with the no-store, no-referrer and noindex headers', async () => {
    const sale = await sell(world.agentId);
    const token = issueReceiptToken(world.db, world.agentId, sale.purchaseId)!;
    const response = receiptResponse(lookupReceipt(world.db, token, freshIp()));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    const body = await response.text();
    expect(body).not.toContain(sale.phone);
    expect(JSON.parse(body)).toMatchObject({ reference: sale.reference });
  });

  it('answers a missing, a guessed and a malformed token with the same 404', async () => {
    const sale = await sell(world.agentId);
    const real = issueReceiptToken(world.db, world.agentId, sale.purchaseId)!;
    const guessed = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    const tokens = [
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', // well formed, never issued
      guessed, // one character off a real token
      deriveReceiptToken(sale.purchaseId + 5000), // a real derivation for a sale with no link
      String(sale.purchaseId), // the id itself
      '../../etc/passwd',
      `${real}x`, // too long
      '',
    ];
    const answers = [];
    for (const token of tokens) {
      const response = receiptResponse(lookupReceipt(world.db, token, freshIp()));
      answers.push({ status: response.status, body: await response.text(), cache: response.headers.get('cache-control'), robots: response.headers.get('x-robots-tag') });
    }
    const expected = { status: 404, body: JSON.stringify(NOT_FOUND_BODY), cache: 'no-store', robots: 'noindex' };
    expect(answers).toEqual(tokens.map(() => expected));
  });

  it('throttles an IP that keeps missing, even for a real token, and leaves other IPs alone', async () => {
    const sale = await sell(world.agentId);
    const real = issueReceiptToken(world.db, world.agentId, sale.purchaseId)!;
    const ip = freshIp();
    for (let i = 0; i < RECEIPT_RULES.misses.limit; i += 1) {
      expect(lookupReceipt(world.db, `guess${String(i).padStart(27, '0')}`, ip)).toEqual({ ok: false, reason: 'not_found' });
    }
    const blocked = receiptResponse(lookupReceipt(world.db, real, ip));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(lookupReceipt(world.db, real, freshIp()).ok).toBe(true);
    clearHits(world.db, `receipt-miss:${ip}`);
    expect(lookupReceipt(world.db, real, ip).ok).toBe(true);
  });

  it('follows a pending sale to its final status', async () => {
    const sale = await sell(world.agentId, '51');
    expect(sale.status).toBe('PENDING');
    const token = issueReceiptToken(world.db, world.agentId, sale.purchaseId)!;
    expect(getPublicReceipt(world.db, token)?.status).toBe('PENDING');
    world.db.update(purchases).set({ status: 'SUCCESS', operatorRef: 'OP-123', finalAt: Date.now() }).where(eq(purchases.id, sale.purchaseId)).run();
    expect(getPublicReceipt(world.db, token)).toMatchObject({ status: 'SUCCESS', operatorRef: 'OP-123' });
  });
});
