// The ledger's rules, fast (in-memory database, test/world): double entry with one
// idempotency key per movement, no wallet overdraft, one resolution per sale, a reversal refunds once,
// statements with running balances, and invariant checks that do notice a broken ledger.
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accounts, ledgerEntries, purchaseResolutions, purchases } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { products } from '@/db/schema';
import { startSale } from '@/lib/purchases/start-sale';
import { createWorld, type MemoryWorld } from '@/test/world';
import {
  clearingAccount,
  commissionAccount,
  findWallet,
  floatAccount,
  fundingAccount,
  listWallets,
  walletAccount,
} from './accounts';
import { LedgerError } from './errors';
import { fundWallet } from './funding';
import { allViolations, checkInvariants } from './invariants';
import { post } from './post';
import { refund, reserve, reverseSettled, settle, type SaleMoney } from './purchase-money';
import { listAllStatementRows, listStatement } from './statement';
import { execute, first, rows } from '@/db/query';
import { testEngine } from '@/test/world/engine';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const admin = { userId: null, label: 'admin@test', ip: '127.0.0.1' };
const NOW = 1_767_000_000_000;
let r = 0;
const ref = () => `ref-${++r}`;
const fund = async (amount: number, direction: 'credit' | 'debit' = 'credit', reference = ref()) =>
  await fundWallet(
    w.db,
    admin,
    { agentId: w.agentId, currency: 'NGN', amount, direction, reference, reason: 'test' },
    NOW,
  );
const balanceOf = async (code: string) =>
  (await first(w.db.select().from(accounts).where(eq(accounts.code, code))))?.balance ?? 0;
const wallet = async () => (await findWallet(w.db, w.agentId, 'NGN'))!;
const audits = async (action: string) =>
  (await first(
    rows<{ n: number }>(w.db, sql`select count(*) as n from audit_log where action = ${action}`),
  ))!.n;
const entries = async () => await w.db.select().from(ledgerEntries);
const violated = async () => (await allViolations(w.db)).map((v) => v.slice(0, 2));

async function fresh() {
  w = await T.fork();
  return w;
}

describe('funding', () => {
  it('credits once per reference (trimmed), audited once; a debit takes it back; the funding source mirrors it', async () => {
    await fresh();
    const before = await balanceOf('funding:NGN');
    const credits = await audits('wallet.credit');
    const first = await fund(50_000, 'credit', '  BANK-1 ');
    expect(await fund(50_000, 'credit', 'BANK-1')).toEqual({
      entryId: first.entryId,
      replayed: true,
    });
    expect((await wallet()).balance).toBe(50_000);
    expect((await audits('wallet.credit')) - credits).toBe(1);
    expect(await balanceOf('funding:NGN')).toBe(before - 50_000);
    await fund(20_000, 'debit');
    expect((await wallet()).balance).toBe(30_000);
    expect(await audits('wallet.debit')).toBe(1); // the seed only credits
    const e = (await entries()).at(-1)!;
    expect(e).toMatchObject({
      kind: 'debit',
      amount: 20_000,
      currency: 'NGN',
      debitAccountId: (await wallet()).id,
      createdAt: NOW,
      memo: 'test',
    });
    expect((await entries()).find((x) => x.id === first.entryId)).toMatchObject({
      kind: 'funding',
      reference: 'BANK-1',
      idempotencyKey: 'funding:BANK-1',
      creditAccountId: (await wallet()).id,
    });
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('refuses a blank reference, a reused reference with another amount or direction, and an overdraft; nothing is written', async () => {
    await fresh();
    await fund(300, 'credit', 'R1');
    const count = (await entries()).length;
    await expect(fund(300, 'credit', '   ')).rejects.toThrowError(
      new LedgerError('A funding reference is required.', 'INVALID'),
    );
    await expect(fund(301, 'credit', 'R1')).rejects.toThrowError(
      'This reference was already used for a different movement.',
    );
    await expect(fund(300, 'debit', 'R1')).rejects.toThrowError(
      'This reference was already used for a different movement.',
    );
    await expect(fund(301, 'debit')).rejects.toThrowError(
      'Your wallet has ₦3.00; this sale needs ₦3.01.',
    );
    await fund(300, 'debit');
    expect((await wallet()).balance).toBe(0);
    expect((await entries()).length).toBe(count + 1);
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('post refuses amounts that are not positive whole minor units and currencies that differ', async () => {
    await fresh();
    const from = await fundingAccount(w.db, 'NGN');
    const to = await walletAccount(w.db, w.agentId, 'NGN');
    for (const amount of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      await expect(
        post(w.db, {
          from,
          to,
          amount,
          kind: 'funding',
          idempotencyKey: ref(),
          memo: 'x',
          now: NOW,
        }),
        String(amount),
      ).rejects.toThrowError('The amount must be a positive whole number of minor units.');
    }
    await expect(
      post(w.db, {
        from,
        to: await walletAccount(w.db, w.agentId, 'INR'),
        amount: 1,
        kind: 'funding',
        idempotencyKey: ref(),
        memo: 'x',
        now: NOW,
      }),
    ).rejects.toThrowError('Currencies differ.');
    expect(
      (
        await post(w.db, {
          from,
          to,
          amount: 1,
          kind: 'funding',
          idempotencyKey: 'k',
          memo: 'x',
          now: NOW,
        })
      ).replayed,
    ).toBe(false);
    await expect(
      post(w.db, {
        from: to,
        to: from,
        amount: 1,
        kind: 'funding',
        idempotencyKey: 'k',
        memo: 'x',
        now: NOW,
      }),
    ).rejects.toThrowError(LedgerError);
    expect(await balanceOf(from.code)).toBe(from.balance - 1); // a system account may go below zero
    // A replay must match in every part: only the debit side, only the credit side, only the amount differing.
    const other = await walletAccount(w.db, w.agentId, 'NGN');
    const clearing = await clearingAccount(w.db, 'NGN');
    for (const [a, b, amount] of [
      [clearing, to, 1],
      [from, clearing, 1],
      [from, to, 2],
    ] as const) {
      await expect(
        post(w.db, {
          from: a,
          to: b,
          amount,
          kind: 'funding',
          idempotencyKey: 'k',
          memo: 'x',
          now: NOW,
        }),
      ).rejects.toThrowError(
        new LedgerError(
          'This reference was already used for a different movement.',
          'IDEMPOTENCY_CONFLICT',
        ),
      );
    }
    expect(
      (
        await post(w.db, {
          from,
          to: other,
          amount: 1,
          kind: 'funding',
          idempotencyKey: 'k',
          memo: 'x',
          now: NOW,
        })
      ).replayed,
    ).toBe(true);
  });
});

describe('accounts', () => {
  it('one account per code; wallets listed NGN first; floats only for known providers', async () => {
    await fresh();
    expect((await walletAccount(w.db, w.agentId, 'NGN')).id).toBe(
      (await walletAccount(w.db, w.agentId, 'NGN')).id,
    );
    expect((await listWallets(w.db, w.agentId)).map((a) => a.currency)).toEqual(['NGN', 'INR']);
    expect(await floatAccount(w.db, 'rechargekit')).toMatchObject({
      currency: 'INR',
      kind: 'provider_float',
      provider: 'rechargekit',
      code: 'float:rechargekit',
    });
    await expect(floatAccount(w.db, 'acme')).rejects.toThrowError('Unknown provider acme');
    expect(await clearingAccount(w.db, 'INR')).toMatchObject({
      kind: 'clearing',
      code: 'clearing:INR',
    });
    expect(await commissionAccount(w.db, 'NGN')).toMatchObject({
      kind: 'commission_income',
      code: 'commission:NGN',
    });
    expect(await findWallet(w.db, w.agentId + 999, 'NGN')).toBeUndefined();
  });
});

describe('statement', () => {
  it('pages newest first with running balances; the export reads every row oldest first', async () => {
    await fresh();
    await fund(1000, 'credit', 'a');
    await fund(400, 'debit', 'b');
    await fund(50, 'credit', 'c');
    const id = (await wallet()).id;
    const page1 = await listStatement(w.db, id, 1, 2);
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(
      page1.rows.map((x) => [x.reference, x.debit, x.credit, x.runningBalance, x.kind]),
    ).toEqual([
      ['c', 0, 50, 650, 'funding'],
      ['b', 400, 0, 600, 'debit'],
    ]);
    expect((await listStatement(w.db, id, 2, 2)).rows.map((x) => x.reference)).toEqual(['a']);
    expect((await listStatement(w.db, id)).rows).toHaveLength(3);
    expect(
      (await listAllStatementRows(w.db, id)).map((x) => [x.reference, x.runningBalance]),
    ).toEqual([
      ['a', 1000],
      ['b', 600],
      ['c', 650],
    ]);
  });
});

describe('sale money', () => {
  // A purchase row is needed for the foreign keys; the money calls below are then driven by hand.
  async function openSale(face = 10_000) {
    const product = (await w.db.select().from(products).where(eq(products.currency, 'NGN'))).find(
      (p) => p.type === 'airtime' && p.network === 'MTN',
    )!;
    const res = await startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: ref(),
        productId: product.id,
        phone: '08031234558',
        network: 'MTN',
        amountMinor: face,
        confirmRepeat: true,
      },
      { provider: w.provider },
    );
    if (!res.ok) throw new Error(res.refusal.message);
    const p = (await first(
      w.db.select().from(purchases).where(eq(purchases.id, res.outcome.purchaseId)),
    ))!;
    return {
      purchaseId: p.id,
      agentId: p.agentId,
      currency: 'NGN',
      agentCostMinor: p.agentCostMinor,
      now: NOW,
    } satisfies SaleMoney;
  }

  it('settle pays the provider cost to its float and the margin to commission, once; refund is then refused', async () => {
    await fresh();
    await fund(100_000);
    const sale = await openSale();
    const f0 = await balanceOf('float:vtpass');
    const c0 = await balanceOf('commission:NGN');
    expect(await settle(w.db, sale, 'vtpass', sale.agentCostMinor - 150, 'test')).toBe(true);
    expect((await balanceOf('float:vtpass')) - f0).toBe(sale.agentCostMinor - 150);
    expect((await balanceOf('commission:NGN')) - c0).toBe(150);
    expect(await balanceOf('clearing:NGN')).toBe(0);
    expect(await wallet()).toMatchObject({ balance: 100_000 - sale.agentCostMinor, reserved: 0 });
    expect(await settle(w.db, sale, 'vtpass', 1, 'again')).toBe(false);
    expect(await refund(w.db, sale, 'late', 'x')).toBe(false);
    expect(await wallet()).toMatchObject({ balance: 100_000 - sale.agentCostMinor, reserved: 0 });
    expect(
      await first(
        w.db
          .select()
          .from(purchaseResolutions)
          .where(eq(purchaseResolutions.purchaseId, sale.purchaseId)),
      ),
    ).toMatchObject({ outcome: 'settled', resolvedBy: 'test', at: NOW });
    await w.db
      .update(purchases)
      .set({ status: 'SUCCESS' })
      .where(eq(purchases.id, sale.purchaseId));
    expect((await violated()).filter((v) => v !== 'E1')).toEqual([]);
  });

  it('selling below the provider cost takes the gap from commission; with no margin no margin entry is written', async () => {
    await fresh();
    await fund(100_000);
    const below = await openSale();
    const c0 = await balanceOf('commission:NGN');
    await settle(w.db, below, 'jonet', below.agentCostMinor + 70, 'test');
    expect((await balanceOf('commission:NGN')) - c0).toBe(-70);
    expect(await balanceOf('clearing:NGN')).toBe(0);
    const even = await openSale();
    const before = (await entries()).length;
    await settle(w.db, even, 'jonet', even.agentCostMinor, 'test');
    expect((await entries()).slice(before).map((e) => e.kind)).toEqual(['settle_cost']);
  });

  it('refund gives the agent cost back to the wallet once, with a memo the agent can read', async () => {
    await fresh();
    await fund(100_000);
    const sale = await openSale();
    expect(await refund(w.db, sale, 'requery', 'vtpass 016')).toBe(true);
    expect(await refund(w.db, sale, 'requery', 'again')).toBe(false);
    expect(await settle(w.db, sale, 'vtpass', 1, 'late')).toBe(false);
    expect(await wallet()).toMatchObject({ balance: 100_000, reserved: 0 });
    expect((await entries()).at(-1)).toMatchObject({
      kind: 'refund',
      memo: 'Refund: the sale was not delivered',
      amount: sale.agentCostMinor,
      creditAccountId: (await wallet()).id,
    });
    expect(
      await first(
        w.db
          .select()
          .from(purchaseResolutions)
          .where(eq(purchaseResolutions.purchaseId, sale.purchaseId)),
      ),
    ).toMatchObject({ outcome: 'refunded', reason: 'vtpass 016' });
  });

  it('writes each leg as its own entry, with the kind and the memo the statement shows', async () => {
    await fresh();
    await fund(100_000);
    const legs = async () =>
      (await entries())
        .slice(count)
        .map((e) => [e.kind, e.memo, e.amount, e.idempotencyKey.replace(/^purchase:\d+:/, '')]);
    let count = (await entries()).length;
    const up = await openSale();
    count = (await entries()).length;
    await settle(w.db, up, 'vtpass', up.agentCostMinor - 150, 'test');
    expect(await legs()).toEqual([
      ['settle_cost', 'Paid to vtpass', up.agentCostMinor - 150, 'cost'],
      ['settle_margin', 'Margin', 150, 'margin'],
    ]);
    count = (await entries()).length;
    await reverseSettled(w.db, up, 'vtpass', up.agentCostMinor - 150, 'callback');
    expect(await legs()).toEqual([
      ['reversal', 'Reversed by vtpass', up.agentCostMinor - 150, 'reversal:cost'],
      ['reversal', 'Margin returned', 150, 'reversal:margin'],
      ['reversal', 'Reversal refund', up.agentCostMinor, 'reversal:wallet'],
    ]);
    const down = await openSale();
    count = (await entries()).length;
    await settle(w.db, down, 'jonet', down.agentCostMinor + 70, 'test');
    expect(await legs()).toEqual([
      ['settle_margin', 'Margin shortfall', 70, 'margin'],
      ['settle_cost', 'Paid to jonet', down.agentCostMinor + 70, 'cost'],
    ]);
    count = (await entries()).length;
    await reverseSettled(w.db, down, 'jonet', down.agentCostMinor + 70, 'callback');
    expect(await legs()).toEqual([
      ['reversal', 'Reversed by jonet', down.agentCostMinor + 70, 'reversal:cost'],
      ['reversal', 'Margin shortfall returned', 70, 'reversal:margin'],
      ['reversal', 'Reversal refund', down.agentCostMinor, 'reversal:wallet'],
    ]);
    const free = await openSale();
    count = (await entries()).length;
    await settle(w.db, free, 'cwg', 0, 'test'); // a zero leg is not written (a ledger entry is never 0)
    expect(await legs()).toEqual([['settle_margin', 'Margin', free.agentCostMinor, 'margin']]);
    expect(await balanceOf('clearing:NGN')).toBe(0);
  });

  it('a reversal after a settle returns the agent cost once, from the float and the margin', async () => {
    await fresh();
    await fund(100_000);
    for (const margin of [150, 0, -70]) {
      const sale = await openSale();
      await settle(w.db, sale, 'cwg', sale.agentCostMinor - margin, 'test');
      const f0 = await balanceOf('float:cwg');
      const c0 = await balanceOf('commission:NGN');
      const w0 = (await wallet()).balance;
      expect(
        await reverseSettled(w.db, sale, 'cwg', sale.agentCostMinor - margin, 'callback'),
      ).toBe(true);
      expect(await reverseSettled(w.db, sale, 'cwg', sale.agentCostMinor - margin, 'again')).toBe(
        false,
      );
      const moved = [
        (await balanceOf('float:cwg')) - f0,
        (await balanceOf('commission:NGN')) - c0,
        (await wallet()).balance - w0,
        await balanceOf('clearing:NGN'),
      ];
      expect(moved.map((x) => x + 0)).toEqual(
        [-(sale.agentCostMinor - margin), 0 - margin, sale.agentCostMinor, 0].map((x) => x + 0),
      );
    }
  });

  it('reserve moves the cost into clearing and marks it reserved; a wallet that cannot pay is refused', async () => {
    await fresh();
    await fund(100_000);
    const sale = await openSale();
    expect(await wallet()).toMatchObject({
      balance: 100_000 - sale.agentCostMinor,
      reserved: sale.agentCostMinor,
    });
    expect(await balanceOf('clearing:NGN')).toBe(sale.agentCostMinor);
    // Its key is the sale's: reserving the same sale again is refused, not taken twice.
    await expect(
      reserve(w.db, { ...sale, agentCostMinor: sale.agentCostMinor + 1 }, 'x'),
    ).rejects.toThrowError('This reference was already used for a different movement.');
    expect(await wallet()).toMatchObject({
      balance: 100_000 - sale.agentCostMinor,
      reserved: sale.agentCostMinor,
    });
  });
});

describe('the invariant checks notice a broken ledger', () => {
  async function withSales() {
    await fresh();
    await fund(100_000);
    const product = (await w.db.select().from(products).where(eq(products.currency, 'NGN'))).find(
      (p) => p.type === 'airtime' && p.network === 'MTN',
    )!;
    const ids: number[] = [];
    for (const lastTwo of ['00', '58', '52']) {
      const res = await startSale(
        w.db,
        w.agentId,
        {
          idempotencyKey: ref(),
          productId: product.id,
          phone: `080312345${lastTwo}`,
          network: 'MTN',
          amountMinor: 10_000,
          confirmRepeat: true,
        },
        { provider: w.provider },
      );
      if (!res.ok) throw new Error(res.refusal.message);
      ids.push(res.outcome.purchaseId);
    }
    expect(await allViolations(w.db)).toEqual([]);
    expect((await checkInvariants(w.db)).map((c) => c.id)).toEqual([
      'I1',
      'I2',
      'I3',
      'I4',
      'I5',
      'I6',
      'I7',
      'I8',
      'I9',
      'E1',
    ]);
    return { settled: ids[0]!, held: ids[1]!, other: ids[2]! };
  }
  // Breaks the ledger behind the data layer's back, as a bug or a hand at the console would.
  const raw = (q: string) => execute(w.db, sql.raw(q));
  const onPostgres = () => testEngine() === 'postgres';

  it('I1/I2: a balance changed outside the ledger', async () => {
    await withSales();
    await raw(`update accounts set balance = balance + 1 where code = 'wallet:${w.agentId}:NGN'`);
    expect(await violated()).toEqual(expect.arrayContaining(['I1', 'I2']));
  });

  it('I2: reserved that does not match the open sales', async () => {
    await withSales();
    await raw(`update accounts set reserved = reserved + 5 where code = 'wallet:${w.agentId}:NGN'`);
    expect(await violated()).toEqual(['I2']);
  });

  it('I3: a wallet below zero', async () => {
    await withSales();
    // The table's own CHECKs would stop it first.
    await raw(
      onPostgres()
        ? 'alter table accounts drop constraint accounts_wallet_no_overdraft, drop constraint accounts_reserved_non_negative'
        : 'pragma ignore_check_constraints = on',
    );
    await raw(
      `update accounts set balance = -1, reserved = -1 where code = 'wallet:${w.agentId}:INR'`,
    );
    expect(await violated()).toEqual(expect.arrayContaining(['I3']));
  });

  it('I4/I5: a sale settled and refunded, and a status that disagrees with its money', async () => {
    const { settled, held } = await withSales();
    await raw(`insert into ledger_entries (debit_account_id, credit_account_id, amount, currency, kind, idempotency_key, purchase_id, memo, created_at)
      select credit_account_id, debit_account_id, 1, currency, 'refund', 'x-refund', purchase_id, 'x', 0 from ledger_entries where purchase_id = ${settled} and kind = 'settle_cost'`);
    expect(await violated()).toEqual(expect.arrayContaining(['I4']));
    // A sale marked SUCCESS whose money is still held: no resolution row, so every comparison is NULL.
    await raw(`update purchases set status = 'SUCCESS' where id = ${held}`);
    expect(await allViolations(w.db)).toContain(
      `I5: sale ${held} is SUCCESS but its money is reserved`,
    );
  });

  it('I6/I9: one key used twice; one reference used twice or missing from the attempts', async () => {
    const { held, other } = await withSales();
    // Every unique index of the two tables goes first: they would refuse the duplicates.
    if (onPostgres()) {
      const uniques = await rows<{ name: string; tableName: string }>(
        w.db,
        sql`select c.conname as name, t.relname as "tableName" from pg_constraint c
          join pg_class t on t.oid = c.conrelid
          where c.contype = 'u' and t.relname in ('purchases', 'purchase_attempts')`,
      );
      for (const u of uniques) await raw(`alter table ${u.tableName} drop constraint "${u.name}"`);
    } else {
      await raw('drop index if exists purchases_agent_key_unique');
      const indexes = await rows<{ name: string; sql: string | null }>(
        w.db,
        sql`select name, sql from sqlite_master where type = 'index' and tbl_name in ('purchases', 'purchase_attempts')`,
      );
      for (const i of indexes)
        if (i.sql && /unique/i.test(i.sql)) await raw(`drop index "${i.name}"`);
    }
    await raw(
      `update purchases set idempotency_key = (select idempotency_key from purchases where id = ${held}) where id = ${other}`,
    );
    await raw(`update purchases set reference = 'nowhere' where id = ${other}`);
    expect(await violated()).toEqual(expect.arrayContaining(['I6', 'I9']));
  });

  it('I8: a missing append-only trigger', async () => {
    await withSales();
    await raw(`drop trigger ledger_entries_no_delete${onPostgres() ? ' on ledger_entries' : ''}`);
    expect(await allViolations(w.db)).toEqual(['I8: missing trigger ledger_entries_no_delete']);
  });

  it('E1: daily earnings that differ from the successful sales', async () => {
    await withSales();
    await raw('update agent_daily_earnings set sales_count = sales_count + 1');
    expect(await violated()).toEqual(['E1']);
  });
});
