import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allViolations } from '@/lib/ledger/invariants';
import type { World } from '@/test/world';
import { withWorld } from '@/test/world/hooks';
import { handleCallback } from './callbacks';
import { startSale } from './start-sale';
import { first, rows } from '@/db/query';

let world: World;
withWorld(5_000_000, (w) => (world = w));

/** Every table a callback could touch, as row counts: "changes nothing" means these stay equal. */
async function footprint() {
  const count = async (table: string) =>
    (await first(rows<{ n: number }>(world.db, sql.raw(`select count(*) as n from ${table}`))))!.n;
  return {
    ledger: await count('ledger_entries'),
    resolutions: await count('purchase_resolutions'),
    events: await count('purchase_events'),
    inbox: await count('callback_inbox'),
    statuses: await rows(world.db, sql`select id, status from purchases order by id`),
  };
}

const vtpassUpdate = (requestId: string, status: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  query: {},
  rawBody: JSON.stringify({
    type: 'transaction-update',
    data: { code: '000', requestId, content: { transactions: { status } } },
  }),
});

describe('provider callbacks', () => {
  it('a callback for a reference we never issued changes nothing and is acknowledged', async () => {
    const before = await footprint();
    const handled = await handleCallback(
      world.db,
      'vtpass',
      vtpassUpdate('202611240000NOSUCHREF', 'delivered'),
    );
    expect(handled.outcome).toBe('unknown_reference');
    expect(handled.ack.body).toBe('{"response":"success"}');
    expect(await footprint()).toEqual(before);
  });

  it('a malformed callback changes nothing', async () => {
    const before = await footprint();
    for (const rawBody of ['not json', '{"type":"transaction-update"}', '{"data":[]}', '']) {
      const handled = await handleCallback(world.db, 'vtpass', {
        method: 'POST',
        headers: {},
        query: {},
        rawBody,
      });
      expect(handled.outcome).toBe('ignored');
    }
    expect(await footprint()).toEqual(before);
  });

  it('a JoNet callback without our key is refused and changes nothing', async () => {
    const before = await footprint();
    const handled = await handleCallback(world.db, 'jonet', {
      method: 'POST',
      headers: { authorization: 'forged-key', 'content-type': 'application/json' },
      query: {},
      rawBody: JSON.stringify({
        status: 'successful',
        server_response: 'Successful',
        customer_id: '202611240000abcdefgh',
        type: 'airtime',
        receipent: '08030000000',
        vendor_id: 'x',
        balance: '1',
      }),
    });
    expect(handled.outcome).toBe('ignored');
    expect(handled.ack.status).toBe(401);
    expect(await footprint()).toEqual(before);
  });

  it('a callback saying "delivered" is checked with a requery first, and a replay changes nothing', async () => {
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    const sold = await startSale(world.db, world.agentId, {
      idempotencyKey: `cb-${Date.now()}`,
      productId: product.id,
      phone: '08031111158',
      network: 'MTN',
      amountMinor: 10_000,
    });
    if (!sold.ok) throw new Error(sold.refusal.message);
    expect(sold.outcome.provider).toBe('vtpass');
    // 58 stays pending upstream: a forged "delivered" hint must not settle it.
    const hint = vtpassUpdate(sold.outcome.reference, 'delivered');
    const first = await handleCallback(world.db, 'vtpass', hint);
    expect(first.outcome).toBe('applied');
    const afterFirst = await footprint();
    expect(afterFirst.resolutions).toBe(0);
    expect(afterFirst.inbox).toBe(1);
    expect(afterFirst.statuses).toContainEqual({ id: sold.outcome.purchaseId, status: 'PENDING' });
    const replay = await handleCallback(world.db, 'vtpass', hint);
    expect(replay.outcome).toBe('duplicate');
    expect(await footprint()).toEqual(afterFirst);
    expect(await allViolations(world.db)).toEqual([]);
  });
});
