import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/transaction';
import { lagosDayNumberSql } from '@/lib/time/lagos';
import { rows } from '@/db/query';

export interface InvariantResult {
  id: string;
  title: string;
  violations: string[];
}

type Check = { id: string; title: string; query: ReturnType<typeof sql> };

// Each query returns one row per violation, with a readable `problem` column.
const CHECKS: Check[] = [
  {
    id: 'I1',
    title: 'Conservation: balances sum to zero per currency',
    query: sql`
    select 'currency ' || currency || ' sums to ' || sum(balance) as problem
    from accounts group by currency having sum(balance) <> 0`,
  },
  {
    id: 'I2',
    title: 'Every balance equals its ledger rows; reserved equals unresolved sales',
    query: sql`
    select 'account ' || a.code || ' balance ' || a.balance || ' but ledger says ' ||
      (coalesce((select sum(amount) from ledger_entries where credit_account_id = a.id), 0)
       - coalesce((select sum(amount) from ledger_entries where debit_account_id = a.id), 0)) as problem
    from accounts a
    where a.balance <> coalesce((select sum(amount) from ledger_entries where credit_account_id = a.id), 0)
      - coalesce((select sum(amount) from ledger_entries where debit_account_id = a.id), 0)
    union all
    select 'wallet ' || a.code || ' reserved ' || a.reserved || ' but open sales hold ' ||
      coalesce((select sum(p.agent_cost_minor) from purchases p where p.agent_id = a.user_id and p.currency = a.currency
        and not exists (select 1 from purchase_resolutions r where r.purchase_id = p.id)), 0)
    from accounts a where a.kind = 'wallet' and a.reserved <> coalesce((select sum(p.agent_cost_minor) from purchases p
      where p.agent_id = a.user_id and p.currency = a.currency
        and not exists (select 1 from purchase_resolutions r where r.purchase_id = p.id)), 0)`,
  },
  {
    id: 'I3',
    title: 'No overdraft',
    query: sql`
    select 'wallet ' || code || ' at ' || balance || ' reserved ' || reserved as problem
    from accounts where kind = 'wallet' and (balance < 0 or reserved < 0)`,
  },
  {
    id: 'I4',
    title: 'One reservation and at most one resolution per sale',
    query: sql`
    select 'sale ' || p.id || ' has ' || count(e.id) || ' reservations' as problem
    from purchases p left join ledger_entries e on e.purchase_id = p.id and e.kind = 'reserve'
    group by p.id having count(e.id) <> 1
    union all
    select 'sale ' || r.purchase_id || ' settled and refunded' from purchase_resolutions r
    where (r.outcome = 'settled' and exists (select 1 from ledger_entries e where e.purchase_id = r.purchase_id and e.kind = 'refund'))
       or (r.outcome = 'refunded' and exists (select 1 from ledger_entries e where e.purchase_id = r.purchase_id and e.kind = 'settle_cost'))`,
  },
  {
    id: 'I5',
    title: 'Status agrees with money',
    query: sql`
    select 'sale ' || p.id || ' is ' || p.status || ' but its money is ' || coalesce(r.outcome, 'reserved') ||
      case when v.purchase_id is null then '' else ' and reversed' end as problem
    from purchases p
    left join purchase_resolutions r on r.purchase_id = p.id
    left join purchase_reversals v on v.purchase_id = p.id
    where not coalesce((
      (p.status = 'SUCCESS' and r.outcome = 'settled' and v.purchase_id is null)
      or (p.status = 'FAILED' and r.outcome = 'refunded' and v.purchase_id is null)
      or (p.status = 'REVERSED' and (r.outcome = 'refunded' or (r.outcome = 'settled' and v.purchase_id is not null)))
      or (p.status in ('PENDING', 'UNKNOWN', 'MANUAL_REVIEW') and r.outcome is null and v.purchase_id is null)), 0)`,
  }, // NULL (no resolution yet) is not agreement
  {
    id: 'I6',
    title: 'One sale per idempotency key',
    query: sql`
    select 'agent ' || agent_id || ' key ' || idempotency_key || ' used ' || count(*) || ' times' as problem
    from purchases group by agent_id, idempotency_key having count(*) > 1`,
  },
  // A funding credit needs its OWN audit row: a direct credit's is found by its reference (the entry's key is
  // 'funding:' + reference), an approved request's by the request id (key 'funding-request:' + id); both
  // must name this wallet's owner and this amount. Keys are unique, so one audit row admits one credit.
  {
    id: 'I7',
    title: "Wallet credits come only from funding or the wallet's own refunds",
    query: sql`
    select 'entry ' || e.id || ' credits wallet ' || a.code || ' as ' || e.kind as problem
    from ledger_entries e join accounts a on a.id = e.credit_account_id and a.kind = 'wallet'
    where not (
      (e.kind = 'funding' and exists (select 1 from audit_log l
        where l.target_id = cast(a.user_id as text) and json_extract(l.detail, '$.amount') = e.amount
          and json_extract(l.detail, '$.currency') = e.currency
          and ((l.action = 'wallet.credit' and e.idempotency_key = 'funding:' || trim(json_extract(l.detail, '$.reference')))
            or (l.action = 'funding.approve' and e.idempotency_key = 'funding-request:' || json_extract(l.detail, '$.requestId')))))
      or (e.kind in ('refund', 'reversal') and exists (select 1 from purchases p where p.id = e.purchase_id and p.agent_id = a.user_id)))`,
  },
  {
    id: 'I8',
    title: 'Ledger and audit rows are append-only',
    query: sql`
    select 'missing trigger ' || t.name as problem from (
      select 'ledger_entries_no_update' as name union all select 'ledger_entries_no_delete'
      union all select 'audit_log_no_update' union all select 'audit_log_no_delete') t
    where not exists (select 1 from sqlite_master m where m.type = 'trigger' and m.name = t.name)`,
  },
  {
    id: 'I9',
    title: 'One provider reference per attempt',
    query: sql`
    select 'reference ' || reference || ' used ' || count(*) || ' times' as problem
    from purchase_attempts group by reference having count(*) > 1
    union all
    select 'sale ' || p.id || ' reference ' || p.reference || ' is not one of its attempts'
    from purchases p where not exists (select 1 from purchase_attempts a where a.purchase_id = p.id and a.reference = p.reference)`,
  },
  // Not money, but derived from it: the dashboard's earnings must be the agent's successful sales.
  {
    id: 'E1',
    title: 'Daily earnings totals equal the successful sales',
    query: sql`
    with sold as (
      select agent_id, ${sql.raw(lagosDayNumberSql('created_at'))} as day, currency, network, type,
        count(*) as n, sum(face_minor) as face, sum(commission_minor) as commission
      from purchases where status = 'SUCCESS' group by 1, 2, 3, 4, 5),
    totals as (
      select agent_id, day, currency, network, type, sales_count, face_minor, commission_minor
      from agent_daily_earnings where sales_count <> 0 or face_minor <> 0 or commission_minor <> 0),
    differing as (
      select * from (select * from sold except select * from totals)
      union all select * from (select * from totals except select * from sold))
    select distinct 'agent ' || agent_id || ', Lagos day ' || day || ', ' || currency || ' ' || network || ' ' || type
      || ': daily totals differ from the successful sales' as problem from differing`,
  },
];

/** Runs I1–I9 (and E1) over the whole database; an empty `violations` list means the invariant holds. */
export async function checkInvariants(tx: Tx): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  for (const check of CHECKS) {
    const found = await rows<{ problem: string }>(tx, check.query);
    results.push({ id: check.id, title: check.title, violations: found.map((r) => r.problem) });
  }
  return results;
}

export async function allViolations(tx: Tx): Promise<string[]> {
  return (await checkInvariants(tx)).flatMap((r) => r.violations.map((v) => `${r.id}: ${v}`));
}
