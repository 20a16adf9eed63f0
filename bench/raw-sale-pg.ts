/**
 * The PostgreSQL ceiling for the purchase transactions: the 44 statements openSale +
 * applyProviderResult (SUCCESS) run on PostgreSQL (SQLite's 42, the sale's row lock and the lock of
 * settle's four accounts), in the same order, in the same two READ COMMITTED
 * transactions, with the SQL text Drizzle builds for them (captured from the portal's path), sent by
 * one `pg.Client` as named prepared statements. What the portal's path costs beyond this is Drizzle
 * (building, mapping rows), the pool and our own code. The result passes the same invariants.
 */
import pg from 'pg';
import { costAtBps } from '@/lib/money';
import { lagosDayNumber } from '@/lib/time/lagos';
import { requestHash } from '@/lib/purchases/open';
import type { RawSaleInput } from './raw-sale';

type Row = Record<string, unknown>;
type AccountRow = { id: number; code: string; kind: string; currency: string; balance: number };

const PURCHASE_COLUMNS =
  '"id", "agent_id", "idempotency_key", "request_hash", "product_id", "type", "currency", "network", "circle", "phone", "account", "quantity", "subscription_type", "token_expected", "token", "units", "customer_name", "token_at", "face_minor", "agent_cost_minor", "commission_minor", "status", "provider", "reference", "provider_ref", "operator_ref", "receipt_token_hash", "created_at", "updated_at", "final_at"';
const ATTEMPT_COLUMNS =
  '"id", "purchase_id", "provider", "reference", "plan_code", "provider_cost_minor", "status", "provider_code", "not_found_count", "awaiting", "created_at"';
const ACCOUNT_COLUMNS =
  '"id", "code", "kind", "currency", "user_id", "provider", "balance", "reserved"';

const SQL = {
  begin: 'begin isolation level read committed',
  route:
    'select "providers" from "routes" where ("routes"."currency" = $1 and "routes"."network" = $2 and "routes"."type" = $3)',
  sources:
    'select "product_sources"."provider", "product_sources"."plan_code", "product_sources"."price_minor", "product_sources"."cost_bps", "provider_settings"."enabled", "provider_settings"."paused_at" from "product_sources" inner join "provider_settings" on "provider_settings"."id" = "product_sources"."provider" where ("product_sources"."product_id" = $1 and "product_sources"."available" = $2)',
  insPurchase: `insert into "purchases" (${PURCHASE_COLUMNS}) values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, default, default, $14, default, $15, $16, $17, $18, $19, $20, default, default, default, $21, $22, default) on conflict ("agent_id","idempotency_key") do nothing returning ${PURCHASE_COLUMNS}`,
  user: 'select "max_sale_minor", "daily_limit_minor" from "users" where "users"."id" = $1',
  insAttempt: `insert into "purchase_attempts" (${ATTEMPT_COLUMNS}) values (default, $1, $2, $3, $4, $5, $6, default, default, default, $7) returning ${ATTEMPT_COLUMNS}`,
  insJob:
    'insert into "requery_jobs" ("attempt_id", "purchase_id", "provider", "next_at", "tries", "lease_owner", "lease_until", "created_at") values ($1, $2, $3, $4, default, default, default, $5)',
  account: `select ${ACCOUNT_COLUMNS} from "accounts" where "accounts"."code" = $1`,
  insertAccount:
    'insert into "accounts" ("id", "code", "kind", "currency", "user_id", "provider", "balance", "reserved") values (default, $1, $2, $3, $4, $5, default, default) on conflict ("code") do nothing',
  insEntry:
    'insert into "ledger_entries" ("id", "debit_account_id", "credit_account_id", "amount", "currency", "kind", "idempotency_key", "purchase_id", "reference", "memo", "created_by", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict ("idempotency_key") do nothing returning "id"',
  debit:
    'update "accounts" set "balance" = "accounts"."balance" - $1 where ("accounts"."id" = $2 and ("accounts"."kind" <> $3 or "accounts"."balance" >= $4))',
  credit: 'update "accounts" set "balance" = "accounts"."balance" + $1 where "accounts"."id" = $2',
  reserved:
    'update "accounts" set "reserved" = "accounts"."reserved" + $1 where "accounts"."id" = $2',
  beneficiary:
    'insert into "beneficiaries" ("id", "agent_id", "phone", "currency", "network", "circle", "name", "last_used_at") values (default, $1, $2, $3, $4, $5, default, $6) on conflict ("agent_id","phone") do update set "network" = excluded.network, "circle" = excluded.circle, "last_used_at" = excluded.last_used_at',
  insEvent:
    'insert into "purchase_events" ("id", "purchase_id", "attempt_id", "kind", "status", "detail", "at") values (default, $1, $2, $3, $4, $5, $6)',
  attempt: `select ${ATTEMPT_COLUMNS} from "purchase_attempts" where "purchase_attempts"."id" = $1`,
  purchase: `select ${PURCHASE_COLUMNS} from "purchases" where "purchases"."id" = $1`,
  setAttempt:
    'update "purchase_attempts" set "status" = $1, "provider_code" = $2 where "purchase_attempts"."id" = $3',
  resolution:
    'select "outcome" from "purchase_resolutions" where "purchase_resolutions"."purchase_id" = $1',
  insResolution:
    'insert into "purchase_resolutions" ("purchase_id", "outcome", "resolved_by", "reason", "at") values ($1, $2, $3, $4, $5) on conflict do nothing',
  webhooks:
    'select "id" from "webhook_endpoints" where ("webhook_endpoints"."agent_id" = $1 and ("webhook_endpoints"."events" @> jsonb_build_array($2::text)))',
  setPurchase:
    'update "purchases" set "status" = $1, "provider_ref" = coalesce($2, "purchases"."provider_ref"), "operator_ref" = coalesce($3, "purchases"."operator_ref"), "updated_at" = $4, "final_at" = $5 where "purchases"."id" = $6',
  earnings:
    'insert into "agent_daily_earnings" ("agent_id", "day", "currency", "network", "type", "sales_count", "face_minor", "commission_minor") values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict ("agent_id","day","currency","network","type") do update set "sales_count" = "agent_daily_earnings"."sales_count" + excluded.sales_count, "face_minor" = "agent_daily_earnings"."face_minor" + excluded.face_minor, "commission_minor" = "agent_daily_earnings"."commission_minor" + excluded.commission_minor',
  dropJob: 'delete from "requery_jobs" where "requery_jobs"."attempt_id" = $1',
  lockSale:
    'select 1 from "purchases" where "purchases"."id" = (select "purchase_attempts"."purchase_id" from "purchase_attempts" where "purchase_attempts"."id" = $1) for update',
  lockAccounts:
    'select 1 from "accounts" where "accounts"."id" in ($1, $2, $3, $4) order by "accounts"."id" for update',
} as const;

/**
 * `named: false` sends each statement unnamed (parsed and planned on every use), a diagnostic of what
 * the server's parsing costs; the ceiling uses named statements, parsed once per connection.
 */
export function createRawSalePg(client: pg.Client, { named = true } = {}) {
  const q = async (key: keyof typeof SQL, values: unknown[] = []): Promise<pg.QueryResult<Row>> =>
    client.query<Row>(
      named ? { name: `raw_${key}`, text: SQL[key], values } : { text: SQL[key], values },
    );
  const first = async (key: keyof typeof SQL, values: unknown[]) => (await q(key, values)).rows[0];

  const account = async (
    code: string,
    kind: string,
    currency: string,
    userId: number | null = null,
    provider: string | null = null,
  ): Promise<AccountRow> => {
    const existing = (await first('account', [code])) as AccountRow | undefined;
    if (existing) return existing;
    await q('insertAccount', [code, kind, currency, userId, provider]);
    return (await first('account', [code])) as AccountRow;
  };
  const post = async (
    from: AccountRow,
    to: AccountRow,
    amount: number,
    kind: string,
    key: string,
    purchaseId: number,
    memo: string,
    now: number,
  ) => {
    const inserted = await first('insEntry', [
      from.id,
      to.id,
      amount,
      from.currency,
      kind,
      key,
      purchaseId,
      null,
      memo,
      null,
      now,
    ]);
    if (!inserted) throw new Error(`raw sale: ledger key ${key} already used`);
    const debited = await q('debit', [amount, from.id, 'wallet', amount]);
    if (debited.rowCount !== 1) throw new Error('raw sale: insufficient funds');
    await q('credit', [amount, to.id]);
  };
  const transaction = async <T>(body: () => Promise<T>): Promise<T> => {
    await q('begin');
    try {
      const result = await body();
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  };

  const open = async (
    r: RawSaleInput,
    step: { provider: string; planCode: string; costBps: number },
  ): Promise<number> => {
    const { product, now } = r;
    const purchase = await first('insPurchase', [
      r.agentId,
      r.idempotencyKey,
      requestHash({ ...r, network: product.network }),
      product.id,
      product.type,
      product.currency,
      product.network,
      null,
      r.phone,
      null,
      null,
      null,
      0,
      null,
      r.price.amountMinor,
      r.price.agentCostMinor,
      r.price.commissionMinor,
      'UNKNOWN',
      step.provider,
      r.reference,
      now,
      now,
    ]);
    if (!purchase) throw new Error('raw sale: idempotency key already used');
    await q('user', [r.agentId]);
    const purchaseId = purchase.id as number;
    const attempt = (await first('insAttempt', [
      purchaseId,
      step.provider,
      r.reference,
      step.planCode,
      costAtBps(r.price.amountMinor, step.costBps),
      'UNKNOWN',
      now,
    ]))!;
    const attemptId = attempt.id as number;
    await q('insJob', [attemptId, purchaseId, step.provider, now + 30_000, now]);
    const wallet = await account(
      `wallet:${r.agentId}:${product.currency}`,
      'wallet',
      product.currency,
      r.agentId,
    );
    const clearing = await account(`clearing:${product.currency}`, 'clearing', product.currency);
    await post(
      wallet,
      clearing,
      r.price.agentCostMinor,
      'reserve',
      `purchase:${purchaseId}:reserve`,
      purchaseId,
      `${product.name} to ${r.phone}`,
      now,
    );
    await q('reserved', [r.price.agentCostMinor, wallet.id]);
    await q('beneficiary', [r.agentId, r.phone, product.currency, product.network, null, now]);
    await q('insEvent', [
      purchaseId,
      attemptId,
      'opened',
      'UNKNOWN',
      JSON.stringify({ provider: step.provider, reference: r.reference }),
      now,
    ]);
    return attemptId;
  };

  const settle = async (attemptId: number, now: number): Promise<void> => {
    await q('lockSale', [attemptId]); // as applyProviderResult's lockRow: one resolution at a time
    const attempt = (await first('attempt', [attemptId]))!;
    const purchase = (await first('purchase', [attempt.purchase_id]))!;
    const purchaseId = purchase.id as number;
    const provider = attempt.provider as string;
    const currency = purchase.currency as string;
    const agentId = purchase.agent_id as number;
    await q('setAttempt', ['SUCCESS', '000', attemptId]);
    await q('insEvent', [
      purchaseId,
      attemptId,
      'provider_answer',
      'SUCCESS',
      JSON.stringify({ provider, code: '000', exchanges: [] }),
      now,
    ]);
    if (await first('resolution', [purchaseId])) throw new Error('raw sale: already resolved');
    await q('insResolution', [purchaseId, 'settled', 'purchase', null, now]);
    const agentCost = purchase.agent_cost_minor as number;
    const wallet = await account(`wallet:${agentId}:${currency}`, 'wallet', currency, agentId);
    const clearing = await account(`clearing:${currency}`, 'clearing', currency);
    const commission = await account(`commission:${currency}`, 'commission_income', currency);
    const float = await account(`float:${provider}`, 'provider_float', currency, null, provider);
    // As the ledger's settle: its four accounts locked by ascending id (lockAccounts), then the legs.
    const ids = [wallet.id, clearing.id, commission.id, float.id].sort((a, b) => a - b);
    await q('lockAccounts', ids);
    await q('reserved', [-agentCost, wallet.id]);
    const cost = attempt.provider_cost_minor as number;
    await post(
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
      await post(
        clearing,
        commission,
        agentCost - cost,
        'settle_margin',
        `purchase:${purchaseId}:margin`,
        purchaseId,
        'Margin',
        now,
      );
    await q('webhooks', [agentId, 'sale.succeeded']);
    await q('setPurchase', ['SUCCESS', null, null, now, now, purchaseId]);
    await q('earnings', [
      agentId,
      lagosDayNumber(purchase.created_at as number),
      currency,
      purchase.network,
      purchase.type,
      1,
      purchase.face_minor,
      purchase.commission_minor,
    ]);
    await q('insEvent', [purchaseId, attemptId, 'settled', 'SUCCESS', null, now]);
    await q('purchase', [purchaseId]);
    await q('dropJob', [attemptId]);
    await q('purchase', [purchaseId]);
  };

  return {
    /** Reserve: the two routing reads outside the transaction, as openSale does, then one transaction. */
    async open(r: RawSaleInput): Promise<number> {
      const route = (await first('route', [r.product.currency, r.product.network, r.product.type]))
        ?.providers as string | undefined;
      const order: string[] = route ? (JSON.parse(route) as string[]) : [];
      const rank = (provider: string) =>
        order.includes(provider) ? order.indexOf(provider) : order.length;
      const sources = (await q('sources', [r.product.id, true])).rows as {
        provider: string;
        plan_code: string;
        cost_bps: number;
        enabled: boolean;
        paused_at: number | null;
      }[];
      const step = sources
        .filter((x) => x.enabled && x.paused_at === null)
        .sort((a, b) => rank(a.provider) - rank(b.provider))[0];
      if (!step) throw new Error('raw sale: no route');
      return transaction(() =>
        open(r, { provider: step.provider, planCode: step.plan_code, costBps: step.cost_bps }),
      );
    },
    settle: (attemptId: number, now: number) => transaction(() => settle(attemptId, now)),
  };
}
