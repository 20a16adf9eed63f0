import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkBatches, purchases, users } from '@/db/schema';
import { Refusal } from '@/lib/errors';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { findWallet, walletAccount } from '@/lib/ledger/accounts';
import { fundWallet } from '@/lib/ledger/funding';
import { allViolations } from '@/lib/ledger/invariants';
import { startSale } from '@/lib/purchases/start-sale';
import { insertUser } from '@/test/world/db';
import { createWorld, type World } from '@/test/world';
import { cancelBatch, confirmBatch, createBatch } from './commands';
import { MAX_ROWS, parseBulkCsv } from './csv';
import { listBatchRows, progressOf, rowResult } from './queries';
import { resultCsv } from './result-csv';
import { bulkIdempotencyKey, claimBatch, runBatch, runBulkPass } from './runner';
import { first } from '@/db/query';

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 120_000);
afterAll(async () => w?.close());

let phones = 0;
/** A fresh MTN number (0803…) ending in 00: the simulator's plain success. */
const mtn = () => `0803${String(++phones).padStart(5, '0')}00`;

/** An agent whose NGN wallet exists at zero. */
async function unfundedAgent() {
  const agent = await insertUser(w.db);
  await walletAccount(w.db, agent.id, 'NGN');
  return agent.id;
}

async function upload(agentId: number, csv: string) {
  const created = await createBatch(w.db, agentId, 'sales.csv', csv);
  if (!created.ok) throw new Error(created.refusal.message);
  return created.batchId;
}

const salesOf = async (batchId: number) =>
  await w.db
    .select()
    .from(purchases)
    .where(like(purchases.idempotencyKey, `bulk-${batchId}-row-%`));

describe('bulk CSV preview', () => {
  it('checks every row: detected network, price, and errors in words', async () => {
    const agent = await unfundedAgent();
    const data = await w.product({ network: 'GLO', type: 'data' });
    const csv = [
      'number,network,product,amount',
      '0803 000 1100,,,500', // MTN detected from 0803, airtime ₦500
      `08050001100,GLO,${data.name},`,
      '12345,,,500',
      '08030001100,VODAFONE,,500',
      '08030001100,,,12.50',
      '08030001100,,No such plan,',
    ].join('\n');
    const rows = await listBatchRows(w.db, agent, await upload(agent, csv));
    expect(rows.map((r) => [r.rowNumber, r.state, r.network])).toEqual([
      [2, 'ready', 'MTN'],
      [3, 'ready', 'GLO'],
      [4, 'invalid', null],
      [5, 'invalid', null],
      [6, 'invalid', 'MTN'],
      [7, 'invalid', 'MTN'],
    ]);
    expect(rows[0]).toMatchObject({ phone: '08030001100', amountMinor: 50_000 });
    expect(rows[0]!.agentCostMinor).toBeLessThanOrEqual(50_000);
    expect(rows[1]).toMatchObject({ productName: data.name, amountMinor: data.priceMinor });
    expect(rows[2]!.message).toBe('Not a Nigerian mobile number (like 0803 123 4567).');
    expect(rows[3]!.message).toContain('Unknown network "VODAFONE"');
    expect(rows[4]!.message).toContain('is not a whole amount from ₦');
    expect(rows[5]!.message).toContain('No MTN plan "No such plan" is on sale');
    const batch = (await first(
      w.db.select().from(bulkBatches).where(eq(bulkBatches.agentId, agent)),
    ))!;
    expect(batch.totalCostMinor).toBe(rows[0]!.agentCostMinor! + rows[1]!.agentCostMinor!);
    expect(batch.status).toBe('preview');
    expect(await salesOf(batch.id)).toHaveLength(0);
  });

  it('refuses a file without a header, without sales, or over 5,000 rows, and stores nothing', async () => {
    expect(parseBulkCsv('')).toMatchObject({
      ok: false,
      refusal: { message: expect.stringContaining('empty'), field: 'file' },
    });
    expect(parseBulkCsv('phone,amount\n')).toMatchObject({
      ok: false,
      refusal: { message: 'The file has a header but no sales.' },
    });
    expect(parseBulkCsv('foo,bar\n1,2')).toMatchObject({
      ok: false,
      refusal: { message: expect.stringContaining('name the columns') },
    });
    const big = [
      'number,amount',
      ...Array.from({ length: MAX_ROWS + 1 }, () => '08030001100,100'),
    ].join('\n');
    expect(parseBulkCsv(big)).toEqual({
      ok: false,
      refusal: new Refusal(
        `The file has ${MAX_ROWS + 1} rows; the most one upload takes is ${MAX_ROWS}.`,
        'file',
      ),
    });
    const agent = await unfundedAgent();
    expect((await createBatch(w.db, agent, 'x.csv', big)).ok).toBe(false);
    expect(
      await w.db.select().from(bulkBatches).where(eq(bulkBatches.agentId, agent)),
    ).toHaveLength(0);
  });
});

describe('bulk CSV run', () => {
  it('sells nothing before the agent confirms', async () => {
    const agent = await w.newAgent(1_000_000);
    const batchId = await upload(agent, `number,amount\n${mtn()},100`);
    expect(await runBulkPass(w.db)).toBe(0);
    expect(await salesOf(batchId)).toHaveLength(0);
  });

  it('never overdraws: rows the wallet cannot pay for are marked insufficient, not sold', async () => {
    const agent = await unfundedAgent();
    const batchId = await upload(
      agent,
      ['number,amount', mtn(), mtn(), mtn()].map((l, i) => (i ? `${l},1000` : l)).join('\n'),
    );
    const cost = (await listBatchRows(w.db, agent, batchId))[0]!.agentCostMinor!;
    // Exactly two rows' worth.
    await fundWallet(w.db, SYSTEM_ACTOR, {
      agentId: agent,
      currency: 'NGN',
      amount: cost * 2,
      direction: 'credit',
      reference: `bulk-two-${agent}`,
      reason: 'test',
    });
    expect(await confirmBatch(w.db, agent, batchId)).toBe(true);
    expect(await confirmBatch(w.db, agent, batchId)).toBe(false);
    await runBulkPass(w.db);
    const rows = await listBatchRows(w.db, agent, batchId);
    expect(rows.map(rowResult)).toEqual(['sold', 'sold', 'not sold: insufficient balance']);
    expect(rows[2]!.message).toBe(
      `Your wallet has ₦0.00; this sale needs ₦${(cost / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}.`,
    );
    expect(await salesOf(batchId)).toHaveLength(2);
    const wallet = (await findWallet(w.db, agent, 'NGN'))!;
    expect(wallet.balance).toBe(0);
    expect(
      (await first(w.db.select().from(bulkBatches).where(eq(bulkBatches.id, batchId))))!.status,
    ).toBe('done');
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('a row the sale path refuses for another reason is marked refused, in its words', async () => {
    const agent = await w.newAgent(1_000_000);
    await w.db.update(users).set({ maxSaleMinor: 50_000 }).where(eq(users.id, agent));
    const batchId = await upload(agent, `number,amount\n${mtn()},100\n${mtn()},1000`);
    await confirmBatch(w.db, agent, batchId);
    await runBulkPass(w.db);
    const rows = await listBatchRows(w.db, agent, batchId);
    expect(rows.map(rowResult)).toEqual(['sold', 'not sold: refused']);
    expect(rows[1]!.message).toBe('The largest sale you can make is ₦500.00.');
    expect(await salesOf(batchId)).toHaveLength(1);
  });

  it('cancel: the row being sold finishes, every row not yet sent is never sold', async () => {
    const agent = await w.newAgent(1_000_000);
    const batchId = await upload(
      agent,
      ['number,amount', ...Array.from({ length: 4 }, () => `${mtn()},100`)].join('\n'),
    );
    await confirmBatch(w.db, agent, batchId);
    const batch = (await claimBatch(w.db, 'test-owner', Date.now()))!;
    let calls = 0;
    // The agent presses cancel while the first row's sale is with the provider.
    const cancellingFetch: typeof fetch = async (input, init) => {
      if (calls++ === 0) expect(await cancelBatch(w.db, agent, batchId)).toBe(true);
      return fetch(input, init);
    };
    await runBatch(w.db, batch, 'test-owner', { sale: { provider: { fetch: cancellingFetch } } });
    expect((await listBatchRows(w.db, agent, batchId)).map(rowResult)).toEqual([
      'sold',
      ...Array(3).fill('not sold: cancelled'),
    ]);
    expect(await salesOf(batchId)).toHaveLength(1);
    expect(await cancelBatch(w.db, agent, batchId)).toBe(false);
  });

  it('a resumed batch replays the row whose sale exists but was never recorded: sold once', async () => {
    const agent = await w.newAgent(1_000_000);
    const numbers = [mtn(), mtn(), mtn()];
    const batchId = await upload(
      agent,
      ['number,amount', ...numbers.map((n) => `${n},100`)].join('\n'),
    );
    await confirmBatch(w.db, agent, batchId);
    // A runner claimed the batch, sold row 2 and died before writing the row's result.
    const row = (await listBatchRows(w.db, agent, batchId))[0]!;
    const first = (await claimBatch(w.db, 'dead-runner', Date.now()))!;
    const sold = await startSale(w.db, agent, {
      idempotencyKey: bulkIdempotencyKey(first.id, 2),
      productId: (await w.product({ network: 'MTN', type: 'airtime' })).id,
      phone: row.phone!,
      network: 'MTN',
      amountMinor: 10_000,
      confirmRepeat: true,
    });
    expect(sold.ok).toBe(true);
    // The lease still runs: nobody else takes the batch until it expires.
    expect(await claimBatch(w.db, 'other', Date.now())).toBeUndefined();
    await runBulkPass(w.db, { now: () => Date.now() + 61_000 });
    const rows = await listBatchRows(w.db, agent, batchId);
    expect(rows.map(rowResult)).toEqual(['sold', 'sold', 'sold']);
    expect(await salesOf(batchId)).toHaveLength(3);
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('another agent sees none of the batch, and the result CSV says what happened to every row', async () => {
    const agent = await w.newAgent(1_000_000);
    const batchId = await upload(agent, `number,amount\n${mtn()},100\n=cmd|' /C calc'!A0,100`);
    await confirmBatch(w.db, agent, batchId);
    await runBulkPass(w.db);
    const other = await unfundedAgent();
    expect(await listBatchRows(w.db, other, batchId)).toEqual([]);
    expect(await confirmBatch(w.db, other, batchId)).toBe(false);
    expect(await cancelBatch(w.db, other, batchId)).toBe(false);
    const rows = await listBatchRows(w.db, agent, batchId);
    expect(progressOf(rows)).toMatchObject({ total: 2, valid: 1, handled: 2, sold: 1, notSold: 1 });
    const lines = resultCsv(rows).trim().split('\r\n');
    expect(lines[0]).toBe('row,number,network,product,amount,cost,result,reference,message');
    expect(lines[1]).toMatch(
      /^"2","0803\d{7}","MTN","[^"]+","100.00","\d+\.\d\d","sold","[^"]+",""$/,
    );
    // A formula in the upload comes back defused.
    expect(lines[2]).toContain(`"'=cmd|' /C calc'!A0"`);
  });
});
