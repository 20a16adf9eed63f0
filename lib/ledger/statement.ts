import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/transaction';
import { first, rows } from '@/db/query';

export interface StatementRow {
  id: number;
  createdAt: number;
  kind: string;
  memo: string;
  reference: string | null;
  purchaseId: number | null;
  debit: number;
  credit: number;
  runningBalance: number;
}

export interface StatementPage {
  rows: StatementRow[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The aliases are quoted: PostgreSQL folds an unquoted name to lower case (`purchaseid`), SQLite keeps
 * it as written. No `page` reads every row (the engines spell "no limit" differently).
 */
async function statementRows(
  tx: Tx,
  accountId: number,
  page: { limit: number; offset: number } | undefined,
): Promise<StatementRow[]> {
  return await rows(
    tx,
    sql`
    select id, created_at as "createdAt", kind, memo, reference, purchase_id as "purchaseId",
      case when debit_account_id = ${accountId} then amount else 0 end as debit,
      case when credit_account_id = ${accountId} then amount else 0 end as credit,
      sum(case when credit_account_id = ${accountId} then amount else -amount end)
        over (order by id rows between unbounded preceding and current row) as "runningBalance"
    from ledger_entries
    where debit_account_id = ${accountId} or credit_account_id = ${accountId}
    order by id desc
    ${page === undefined ? sql`` : sql`limit ${page.limit} offset ${page.offset}`}`,
  );
}

/** Newest first; the running balance is the wallet's balance right after each row. */
export async function listStatement(
  tx: Tx,
  accountId: number,
  page = 1,
  pageSize = 25,
): Promise<StatementPage> {
  const pageRows = await statementRows(tx, accountId, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const count = await first(
    rows<{ n: number }>(
      tx,
      sql`
    select count(*) as n from ledger_entries
    where debit_account_id = ${accountId} or credit_account_id = ${accountId}`,
    ),
  );
  return { rows: pageRows, total: count?.n ?? 0, page, pageSize };
}

/** Every row, oldest first, for CSV export. */
export async function listAllStatementRows(tx: Tx, accountId: number): Promise<StatementRow[]> {
  return (await statementRows(tx, accountId, undefined)).reverse();
}
