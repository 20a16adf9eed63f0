import type Database from 'better-sqlite3';
import type pg from 'pg';
import { migratePostgres, type PgDb } from './client';

/*
 * `npm run db:copy-to-postgres`: moves an SQLite deployment's data into PostgreSQL. The target is
 * migrated first and must be empty; every table is copied in one PostgreSQL transaction (all or
 * nothing), parents before children so each foreign key holds as rows arrive, ids kept as they are,
 * then each identity sequence is moved past the highest id so new rows do not collide.
 */

export type CopyReport = { table: string; rows: number }[];

type TargetColumn = { name: string; type: string };

const ROWS_PER_INSERT = 500;

async function targetTables(client: pg.ClientBase): Promise<Map<string, TargetColumn[]>> {
  const rows = await client.query<{ table: string; column: string; type: string }>(
    `select c.table_name as table, c.column_name as column, c.data_type as type
       from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, TargetColumn[]>();
  for (const row of rows.rows) {
    tables.set(row.table, [...(tables.get(row.table) ?? []), { name: row.column, type: row.type }]);
  }
  return tables;
}

/** Tables ordered so that every table comes after the tables its foreign keys point at. */
async function parentsFirst(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const edges = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace s on s.oid = c.connamespace
      where c.contype = 'f' and s.nspname = 'public'`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges.rows) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('the foreign keys form a cycle: no copy order exists');
    for (const table of ready.sort()) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

function sqliteColumns(sqlite: Database.Database, table: string): string[] {
  return (
    sqlite.prepare('select name from pragma_table_info(?)').all(table) as { name: string }[]
  ).map((c) => c.name);
}

/** SQLite's value as PostgreSQL takes it: 0/1 for booleans, 64-bit integers exactly (as text). */
function toTarget(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value === 1 || value === 1n;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

async function copyTable(
  sqlite: Database.Database,
  client: pg.ClientBase,
  table: string,
  columns: TargetColumn[],
): Promise<number> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  // safeIntegers: every integer as a BigInt, so ids, money and times past 2^53 arrive exactly.
  const read = sqlite
    .prepare(`select ${names} from "${table}" order by rowid`)
    .safeIntegers(true)
    .raw();
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const slots = row.map((value, i) => {
        params.push(toTarget(value, columns[i]!.type));
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await client.query(`insert into "${table}" (${names}) values ${tuples.join(', ')}`, params);
    copied += batch.length;
    batch = [];
  };
  for (const row of read.iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length === ROWS_PER_INSERT) await flush();
  }
  await flush();
  return copied;
}

export async function copySqliteToPostgres(
  sqlite: Database.Database,
  target: PgDb,
): Promise<CopyReport> {
  await migratePostgres(target);
  const client = await target.$client.connect();
  try {
    const tables = await targetTables(client);
    for (const [table, columns] of tables) {
      const source = sqliteColumns(sqlite, table);
      const missing = columns.map((c) => c.name).filter((c) => !source.includes(c));
      const extra = source.filter((c) => !columns.some((t) => t.name === c));
      if (source.length === 0 || missing.length > 0 || extra.length > 0) {
        throw new Error(
          `${table}: the SQLite file and the PostgreSQL schema differ (migrate the SQLite file with ` +
            `this version first); missing in SQLite: [${missing.join(', ')}], only in SQLite: [${extra.join(', ')}]`,
        );
      }
    }
    for (const table of tables.keys()) {
      const any = await client.query(`select 1 from "${table}" limit 1`);
      if (any.rowCount)
        throw new Error(`the target is not empty (${table} has rows): nothing copied`);
    }
    const order = await parentsFirst(client, [...tables.keys()]);

    // One read transaction on SQLite: a consistent snapshot even if the portal is still writing.
    sqlite.exec('begin');
    await client.query('begin');
    try {
      const report: CopyReport = [];
      for (const table of order) {
        report.push({ table, rows: await copyTable(sqlite, client, table, tables.get(table)!) });
      }
      const identities = await client.query<{ table: string; column: string }>(
        `select table_name as table, column_name as column from information_schema.columns
          where table_schema = 'public' and is_identity = 'YES'`,
      );
      for (const { table, column } of identities.rows) {
        await client.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce(max("${column}"), 0) + 1, false) from "${table}"`,
          [`"${table}"`, column],
        );
      }
      await client.query('commit');
      return report;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      sqlite.exec('commit');
    }
  } finally {
    client.release();
  }
}
