/**
 * The ceiling for the purchase transactions: the same 42 statements openSale + applyProviderResult
 * (SUCCESS) run (the webhook lookup and the re-read of the sale included), in the same order and
 * inside the same two IMMEDIATE transactions, written as raw better-sqlite3 statements prepared once.
 * What the ledger path costs beyond this is Drizzle's query building and our own code. The result must pass the same invariants (checked after the run).
 */
import type Database from 'better-sqlite3';
import { costAtBps } from '@/lib/money';
import { lagosDayNumber } from '@/lib/time/lagos';
import { requestHash } from '@/lib/purchases/open';
import type { Product } from '@/lib/catalogue/routing';
import type { SalePrice } from '@/lib/catalogue/pricing';

type Row = Record<string, unknown>;
type AccountRow = { id: number; code: string; kind: string; currency: string; balance: number };

export interface RawSaleInput {
  agentId: number;
  idempotencyKey: string;
  product: Product;
  phone: string;
  price: SalePrice;
  reference: string;
  now: number;
}

type Stmt = Pick<Database.Statement, 'get' | 'all' | 'run'>;

/**
 * `prepareOnce: false` prepares every statement on each use, as Drizzle's better-sqlite3 session
 * does: the difference between the two raw variants is what statement preparation alone costs.
 */
export function createRawSale(sqlite: Database.Database, { prepareOnce = true } = {}) {
  const p = (sql: string): Stmt => {
    if (prepareOnce) return sqlite.prepare(sql);
    return {
      get: (...args: unknown[]) => sqlite.prepare(sql).get(...args),
      all: (...args: unknown[]) => sqlite.prepare(sql).all(...args),
      run: (...args: unknown[]) => sqlite.prepare(sql).run(...args),
    } as Stmt;
  };
  const s = {
    route: p('select providers from routes where currency = ? and network = ? and type = ?'),
    sources:
      p(`select ps.provider, ps.plan_code, ps.price_minor, ps.cost_bps, s.enabled, s.paused_at from product_sources ps
      inner join provider_settings s on s.id = ps.provider where ps.product_id = ? and ps.available = ?`),
    insPurchase:
      p(`insert into purchases (agent_id, idempotency_key, request_hash, product_id, type, currency, network, circle, phone,
      face_minor, agent_cost_minor, commission_minor, status, provider, reference, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, 'UNKNOWN', ?, ?, ?, ?)
      on conflict (agent_id, idempotency_key) do nothing returning *`),
    user: p('select max_sale_minor, daily_limit_minor from users where id = ?'),
    insAttempt:
      p(`insert into purchase_attempts (purchase_id, provider, reference, plan_code, provider_cost_minor, status, created_at)
      values (?, ?, ?, ?, ?, 'UNKNOWN', ?) returning *`),
    insJob: p(
      'insert into requery_jobs (attempt_id, purchase_id, provider, next_at, tries, created_at) values (?, ?, ?, ?, 0, ?)',
    ),
    account: p('select * from accounts where code = ?'),
    insertAccount: p(
      'insert into accounts (code, kind, currency, user_id, provider, balance, reserved) values (?, ?, ?, ?, ?, 0, 0) on conflict (code) do nothing',
    ),
    insEntry:
      p(`insert into ledger_entries (debit_account_id, credit_account_id, amount, currency, kind, idempotency_key, purchase_id, memo, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id`),
    debit: p(
      'update accounts set balance = balance - ? where id = ? and (kind <> ? or balance >= ?)',
    ),
    credit: p('update accounts set balance = balance + ? where id = ?'),
    reserved: p('update accounts set reserved = reserved + ? where id = ?'),
    beneficiary:
      p(`insert into beneficiaries (agent_id, phone, currency, network, circle, last_used_at) values (?, ?, ?, ?, null, ?)
      on conflict (agent_id, phone) do update set network = excluded.network, circle = excluded.circle, last_used_at = excluded.last_used_at`),
    insEvent: p(
      'insert into purchase_events (purchase_id, attempt_id, kind, status, detail, at) values (?, ?, ?, ?, ?, ?)',
    ),
    attempt: p('select * from purchase_attempts where id = ?'),
    purchase: p('select * from purchases where id = ?'),
    setAttempt: p('update purchase_attempts set status = ?, provider_code = ? where id = ?'),
    resolution: p('select outcome from purchase_resolutions where purchase_id = ?'),
    insResolution: p(
      "insert into purchase_resolutions (purchase_id, outcome, resolved_by, reason, at) values (?, 'settled', ?, null, ?) on conflict do nothing",
    ),
    setPurchase: p(
      'update purchases set status = ?, provider_ref = ?, operator_ref = ?, updated_at = ?, final_at = ? where id = ?',
    ),
    earnings:
      p(`insert into agent_daily_earnings (agent_id, day, currency, network, type, sales_count, face_minor, commission_minor)
      values (?, ?, ?, ?, ?, 1, ?, ?) on conflict (agent_id, day, currency, network, type) do update set
      sales_count = sales_count + excluded.sales_count, face_minor = face_minor + excluded.face_minor, commission_minor = commission_minor + excluded.commission_minor`),
    dropJob: p('delete from requery_jobs where attempt_id = ?'),
    webhooks: p(
      'select id from webhook_endpoints where agent_id = ? and exists (select 1 from json_each(events) listed where listed.value = ?)',
    ),
  };

  // As the ledger's ensure(): read first, and create the account only on its first use.
  const account = (
    code: string,
    kind: string,
    currency: string,
    userId: number | null = null,
    provider: string | null = null,
  ): AccountRow => {
    const existing = s.account.get(code) as AccountRow | undefined;
    if (existing) return existing;
    s.insertAccount.run(code, kind, currency, userId, provider);
    return s.account.get(code) as AccountRow;
  };
  const post = (
    from: AccountRow,
    to: AccountRow,
    amount: number,
    kind: string,
    key: string,
    purchaseId: number,
    memo: string,
    now: number,
  ) => {
    const inserted = s.insEntry.get(
      from.id,
      to.id,
      amount,
      from.currency,
      kind,
      key,
      purchaseId,
      memo,
      now,
    );
    if (!inserted) throw new Error(`raw sale: ledger key ${key} already used`);
    const debited = s.debit.run(amount, from.id, 'wallet', amount);
    if (debited.changes !== 1) throw new Error('raw sale: insufficient funds');
    s.credit.run(amount, to.id);
  };

  const open = sqlite.transaction(
    (r: RawSaleInput, step: { provider: string; planCode: string; costBps: number }) => {
      const { product, now } = r;
      const purchase = s.insPurchase.get(
        r.agentId,
        r.idempotencyKey,
        requestHash({ ...r, network: product.network }),
        product.id,
        product.type,
        product.currency,
        product.network,
        r.phone,
        r.price.amountMinor,
        r.price.agentCostMinor,
        r.price.commissionMinor,
        step.provider,
        r.reference,
        now,
        now,
      ) as Row | undefined;
      if (!purchase) throw new Error('raw sale: idempotency key already used');
      s.user.get(r.agentId);
      const purchaseId = purchase.id as number;
      const attempt = s.insAttempt.get(
        purchaseId,
        step.provider,
        r.reference,
        step.planCode,
        costAtBps(r.price.amountMinor, step.costBps),
        now,
      ) as Row;
      const attemptId = attempt.id as number;
      s.insJob.run(attemptId, purchaseId, step.provider, now + 30_000, now);
      const wallet = account(
        `wallet:${r.agentId}:${product.currency}`,
        'wallet',
        product.currency,
        r.agentId,
      );
      const clearing = account(`clearing:${product.currency}`, 'clearing', product.currency);
      post(
        wallet,
        clearing,
        r.price.agentCostMinor,
        'reserve',
        `purchase:${purchaseId}:reserve`,
        purchaseId,
        `${product.name} to ${r.phone}`,
        now,
      );
      s.reserved.run(r.price.agentCostMinor, wallet.id);
      s.beneficiary.run(r.agentId, r.phone, product.currency, product.network, now);
      s.insEvent.run(
        purchaseId,
        attemptId,
        'opened',
        'UNKNOWN',
        JSON.stringify({ provider: step.provider, reference: r.reference }),
        now,
      );
      return attemptId;
    },
  );

  const settle = sqlite.transaction((attemptId: number, now: number) => {
    const attempt = s.attempt.get(attemptId) as Row;
    const purchase = s.purchase.get(attempt.purchase_id) as Row;
    const purchaseId = purchase.id as number;
    const provider = attempt.provider as string;
    const currency = purchase.currency as string;
    s.setAttempt.run('SUCCESS', '000', attemptId);
    s.insEvent.run(
      purchaseId,
      attemptId,
      'provider_answer',
      'SUCCESS',
      JSON.stringify({ provider, code: '000', exchanges: [] }),
      now,
    );
    if (s.resolution.get(purchaseId)) throw new Error('raw sale: already resolved');
    s.insResolution.run(purchaseId, 'purchase', now);
    const agentCost = purchase.agent_cost_minor as number;
    const wallet = account(
      `wallet:${purchase.agent_id as number}:${currency}`,
      'wallet',
      currency,
      purchase.agent_id as number,
    );
    const clearing = account(`clearing:${currency}`, 'clearing', currency);
    const commission = account(`commission:${currency}`, 'commission_income', currency);
    const float = account(`float:${provider}`, 'provider_float', currency, null, provider);
    // (The ledger locks the four accounts here on PostgreSQL; the IMMEDIATE transaction already has.)
    s.reserved.run(-agentCost, wallet.id);
    const cost = attempt.provider_cost_minor as number;
    post(
      clearing,
      float,
      cost,
      'settle_cost',
      `purchase:${purchaseId}:cost`,
      purchaseId,
      `Paid to ${provider}`,
      now,
    );
    if (agentCost - cost > 0)
      post(
        clearing,
        commission,
        agentCost - cost,
        'settle_margin',
        `purchase:${purchaseId}:margin`,
        purchaseId,
        'Margin',
        now,
      );
    s.webhooks.all(purchase.agent_id, 'sale.succeeded');
    s.setPurchase.run('SUCCESS', null, null, now, now, purchaseId);
    s.earnings.run(
      purchase.agent_id,
      lagosDayNumber(purchase.created_at as number),
      currency,
      purchase.network,
      purchase.type,
      purchase.face_minor,
      purchase.commission_minor,
    );
    s.insEvent.run(purchaseId, attemptId, 'settled', 'SUCCESS', null, now);
    s.purchase.get(purchaseId);
    s.dropJob.run(attemptId);
    s.purchase.get(purchaseId);
  });

  return {
    /** Reserve: the two routing reads outside the transaction, as openSale does, then one IMMEDIATE transaction. */
    open(r: RawSaleInput): number {
      const route = s.route.get(r.product.currency, r.product.network, r.product.type) as
        { providers: string } | undefined;
      const order: string[] = route ? (JSON.parse(route.providers) as string[]) : [];
      const rank = (provider: string) =>
        order.includes(provider) ? order.indexOf(provider) : order.length;
      const sources = s.sources.all(r.product.id, 1) as {
        provider: string;
        plan_code: string;
        cost_bps: number;
        enabled: number;
        paused_at: number | null;
      }[];
      const first = sources
        .filter((x) => x.enabled && x.paused_at === null)
        .sort((a, b) => rank(a.provider) - rank(b.provider))[0];
      if (!first) throw new Error('raw sale: no route');
      return open.immediate(r, {
        provider: first.provider,
        planCode: first.plan_code,
        costBps: first.cost_bps,
      });
    },
    settle(attemptId: number, now: number): void {
      settle.immediate(attemptId, now);
    },
  };
}
