import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as sqliteSchema from '@/db/schema';
import {
  columnsIn,
  foreignKey,
  normaliseDefault,
  type CommonType,
  type SchemaShape,
  type TableShape,
  type TriggerEvent,
} from './shape';

type ColumnInfo = {
  name: string;
  type: string;
  notnull: 0 | 1;
  dflt_value: string | null;
  pk: number;
};
type IndexListRow = { name: string; unique: 0 | 1; origin: 'c' | 'u' | 'pk' };
type ForeignKeyRow = {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
};

/**
 * What SQLite cannot say itself: which integer column holds a boolean and which text column JSON.
 * Those come from the Drizzle SQLite schema's column modes; the stored type must still agree.
 */
function declaredMeanings(): Map<string, CommonType> {
  const meanings = new Map<string, CommonType>();
  for (const value of Object.values(sqliteSchema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    for (const column of config.columns) {
      if (column.columnType === 'SQLiteBoolean')
        meanings.set(`${config.name}.${column.name}`, 'boolean');
      if (column.columnType === 'SQLiteTextJson')
        meanings.set(`${config.name}.${column.name}`, 'json');
    }
  }
  return meanings;
}

function commonType(storage: string, meaning: CommonType | undefined, where: string): CommonType {
  const stored = storage.toLowerCase();
  const base: CommonType | undefined =
    stored === 'integer'
      ? 'int'
      : stored === 'text'
        ? 'text'
        : stored === 'real'
          ? 'real'
          : undefined;
  if (!base) throw new Error(`${where}: SQLite type ${storage} has no common name`);
  if (meaning === 'boolean' && base === 'int') return 'boolean';
  if (meaning === 'json' && base === 'text') return 'json';
  if (meaning) throw new Error(`${where}: declared ${meaning} but stored as ${storage}`);
  return base;
}

/** The CHECK constraints of a CREATE TABLE statement: name → expression. */
function checksOf(createSql: string): Map<string, string> {
  const found = new Map<string, string>();
  const start = /CONSTRAINT\s+["`]?(\w+)["`]?\s+CHECK\s*\(/gi;
  for (let match = start.exec(createSql); match; match = start.exec(createSql)) {
    let depth = 1;
    let end = start.lastIndex;
    while (depth > 0 && end < createSql.length) {
      if (createSql[end] === '(') depth += 1;
      if (createSql[end] === ')') depth -= 1;
      end += 1;
    }
    found.set(match[1]!, createSql.slice(start.lastIndex, end - 1));
  }
  return found;
}

export function sqliteShape(db: Database.Database): SchemaShape {
  const meanings = declaredMeanings();
  const tables = db
    .prepare(
      `select name, sql from sqlite_master where type = 'table'
       and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name`,
    )
    .all() as { name: string; sql: string }[];
  const triggers = db
    .prepare(`select name, tbl_name as "table", sql from sqlite_master where type = 'trigger'`)
    .all() as { name: string; table: string; sql: string }[];

  const shape: SchemaShape = {};
  for (const { name: table, sql: createSql } of tables) {
    const info = db.prepare(`select * from pragma_table_info(?)`).all(table) as ColumnInfo[];
    const columnNames = info.map((c) => c.name);
    const autoincrement = /AUTOINCREMENT/i.test(createSql);
    const entry: TableShape = {
      columns: {},
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes: {},
      foreignKeys: [],
      checks: {},
      triggers: {},
    };
    for (const column of info) {
      const type = commonType(
        column.type,
        meanings.get(`${table}.${column.name}`),
        `${table}.${column.name}`,
      );
      entry.columns[column.name] = {
        type,
        // A primary key is never null on either engine, whatever SQLite's pragma says of it.
        notNull: column.notnull === 1 || column.pk > 0,
        default: normaliseDefault(column.dflt_value, type),
        generated: autoincrement && column.pk > 0,
      };
    }
    const indexList = db.prepare(`select * from pragma_index_list(?)`).all(table) as IndexListRow[];
    for (const index of indexList.filter((i) => i.origin !== 'pk')) {
      const columns = db
        .prepare(`select name from pragma_index_info(?) order by seqno`)
        .all(index.name) as {
        name: string;
      }[];
      entry.indexes[index.name] = {
        columns: columns.map((c) => c.name),
        unique: index.unique === 1,
      };
    }
    const keys = db
      .prepare(`select * from pragma_foreign_key_list(?)`)
      .all(table) as ForeignKeyRow[];
    const byId = new Map<number, ForeignKeyRow[]>();
    for (const key of keys) byId.set(key.id, [...(byId.get(key.id) ?? []), key]);
    entry.foreignKeys = [...byId.values()]
      .map((parts) => {
        const ordered = parts.sort((a, b) => a.seq - b.seq);
        const first = ordered[0]!;
        return foreignKey(
          ordered.map((p) => p.from),
          first.table,
          ordered.map((p) => p.to),
          first.on_update,
          first.on_delete,
        );
      })
      .sort();
    for (const [name, expression] of checksOf(createSql))
      entry.checks[name] = columnsIn(expression, columnNames);
    for (const trigger of triggers.filter((t) => t.table === table)) {
      const event = /BEFORE\s+(UPDATE|DELETE)/i.exec(trigger.sql)?.[1]?.toUpperCase();
      if (!event) throw new Error(`trigger ${trigger.name}: not a BEFORE UPDATE/DELETE trigger`);
      entry.triggers[trigger.name] = event as TriggerEvent;
    }
    shape[table] = entry;
  }
  return shape;
}
