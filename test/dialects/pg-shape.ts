import type pg from 'pg';
import {
  columnsIn,
  foreignKey,
  normaliseDefault,
  type CommonType,
  type SchemaShape,
  type TriggerEvent,
} from './shape';

const TYPES: Record<string, CommonType> = {
  smallint: 'int',
  integer: 'int',
  bigint: 'int',
  text: 'text',
  'character varying': 'text',
  boolean: 'boolean',
  jsonb: 'json',
  json: 'json',
  real: 'real',
  'double precision': 'real',
};

// pg_constraint's one-letter referential actions, in the words SQLite's foreign_key_list uses.
const ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** pg_trigger.tgtype bits (include/catalog/pg_trigger.h). */
function triggerEvent(tgtype: number): TriggerEvent {
  if (tgtype & 16) return 'UPDATE';
  if (tgtype & 8) return 'DELETE';
  if (tgtype & 32) return 'TRUNCATE';
  throw new Error(`trigger type ${tgtype} is not UPDATE, DELETE or TRUNCATE`);
}

/** The public schema of a PostgreSQL database, read from information_schema and pg_catalog. */
export async function pgShape(client: pg.ClientBase): Promise<SchemaShape> {
  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    not_null: boolean;
    default: string | null;
    identity: boolean;
  }>(`select table_name as table, column_name as column, data_type as type,
            is_nullable = 'NO' as not_null, column_default as default, is_identity = 'YES' as identity
       from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
      where table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by table_name, ordinal_position`);
  const shape: SchemaShape = {};
  for (const row of columns.rows) {
    const type = TYPES[row.type];
    if (!type)
      throw new Error(`${row.table}.${row.column}: PostgreSQL type ${row.type} has no common name`);
    shape[row.table] ??= {
      columns: {},
      primaryKey: [],
      indexes: {},
      foreignKeys: [],
      checks: {},
      triggers: {},
    };
    shape[row.table]!.columns[row.column] = {
      type,
      notNull: row.not_null,
      default: normaliseDefault(row.default, type),
      generated: row.identity,
    };
  }

  // Indexes, constraint-backed ones included, except the primary key (compared on its own).
  const indexes = await client.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    columns: string[];
  }>(`select t.relname as table, i.relname as name, x.indisunique as unique, x.indisprimary as primary,
            array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n) as columns
       from pg_index x
       join pg_class t on t.oid = x.indrelid
       join pg_class i on i.oid = x.indexrelid
       join pg_namespace s on s.oid = t.relnamespace
      where s.nspname = 'public'`);
  for (const row of indexes.rows) {
    if (row.primary) shape[row.table]!.primaryKey = row.columns;
    else shape[row.table]!.indexes[row.name] = { columns: row.columns, unique: row.unique };
  }

  const constraints = await client.query<{
    table: string;
    name: string;
    kind: 'c' | 'f';
    expression: string;
    columns: string[];
    target: string | null;
    target_columns: string[] | null;
    on_update: string;
    on_delete: string;
  }>(`select t.relname as table, c.conname as name, c.contype as kind,
            pg_get_constraintdef(c.oid) as expression,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns,
            f.relname as target,
            array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n)
              as target_columns,
            c.confupdtype as on_update, c.confdeltype as on_delete
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       join pg_namespace s on s.oid = t.relnamespace
       left join pg_class f on f.oid = c.confrelid
      where s.nspname = 'public' and c.contype in ('c', 'f')`);
  for (const row of constraints.rows) {
    const table = shape[row.table]!;
    if (row.kind === 'c') {
      table.checks[row.name] = columnsIn(row.expression, Object.keys(table.columns));
    } else {
      table.foreignKeys.push(
        foreignKey(
          row.columns,
          row.target!,
          row.target_columns!,
          ACTIONS[row.on_update]!,
          ACTIONS[row.on_delete]!,
        ),
      );
    }
  }
  for (const table of Object.values(shape)) table.foreignKeys.sort();

  const triggers = await client.query<{ table: string; name: string; tgtype: number }>(
    `select c.relname as table, t.tgname as name, t.tgtype
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace s on s.oid = c.relnamespace
      where s.nspname = 'public' and not t.tgisinternal`,
  );
  for (const row of triggers.rows) shape[row.table]!.triggers[row.name] = triggerEvent(row.tgtype);
  return shape;
}
