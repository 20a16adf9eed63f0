/*
 * Issue #17 item 3: the SQLite and PostgreSQL schemas, each built by its own migrations, describe the
 * same database: tables, columns, common types, nullability, defaults, primary keys, indexes and unique
 * constraints, foreign keys, checks, and the append-only triggers — compared by introspection, and the
 * triggers also by behaviour. The PostgreSQL half needs TEST_DATABASE_URL (scripts/pg-throwaway.sh).
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sqliteFile } from '@/db/client';
import { migratePostgres, openPostgres, type PgDb } from '@/db/pg/client';
import { freshPgDatabase, PG_SKIP_REASON } from './fresh-pg';
import { pgShape } from './pg-shape';
import type { SchemaShape } from './shape';
import { sqliteShape } from './sqlite-shape';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) console.warn(`[dialects] the PostgreSQL half is ${PG_SKIP_REASON}`);

// The rows that must stay as written (I8), each table with one row and what its parents need. The same
// SQL runs on both engines; explicit ids keep it free of dialect (RETURNING, sequences).
const APPEND_ONLY_TABLES = ['ledger_entries', 'audit_log', 'purchase_resolutions'] as const;
const PARENT_AND_PROTECTED_ROWS = [
  `insert into users (id, email, name, role, password_hash, created_at)
     values (1, 'agent@example.test', 'Agent', 'agent', 'x', 1)`,
  `insert into accounts (id, code, kind, currency, user_id, balance)
     values (1, 'wallet:1:NGN', 'wallet', 'NGN', 1, 500), (2, 'funding:NGN', 'funding_source', 'NGN', null, 0)`,
  `insert into ledger_entries (id, debit_account_id, credit_account_id, amount, currency, kind,
     idempotency_key, memo, created_at) values (1, 2, 1, 500, 'NGN', 'funding', 'k1', 'opening', 1)`,
  `insert into audit_log (id, at, actor_label, action) values (1, 1, 'system', 'user.created')`,
  `insert into products (id, identity, currency, network, type, name, updated_at)
     values (1, 'NGN|MTN||airtime', 'NGN', 'MTN', 'airtime', 'MTN airtime', 1)`,
  `insert into purchases (id, agent_id, idempotency_key, request_hash, product_id, type, currency, network,
     phone, face_minor, agent_cost_minor, commission_minor, status, provider, reference, created_at, updated_at)
     values (1, 1, 'i1', 'h1', 1, 'airtime', 'NGN', 'MTN', '08030000000', 100, 98, 2, 'SUCCESS', 'sim', 'r1', 1, 1)`,
  `insert into purchase_resolutions (purchase_id, outcome, resolved_by, at) values (1, 'settled', 'test', 1)`,
];
const CHANGES = (table: string) => [
  `update ${table} set ${table === 'audit_log' ? 'action' : table === 'ledger_entries' ? 'memo' : 'resolved_by'} = 'changed'`,
  `delete from ${table}`,
];

describe('the SQLite schema from its migrations', () => {
  let sqlite: Database.Database;
  beforeAll(() => {
    sqlite = sqliteFile(openDatabase(':memory:'));
  });
  afterAll(() => sqlite.close());

  it('describes every table in the common vocabulary, with the append-only triggers', () => {
    const shape = sqliteShape(sqlite);
    expect(Object.keys(shape).length).toBeGreaterThan(30);
    expect(shape.products!.columns.active).toEqual({
      type: 'boolean',
      notNull: true,
      default: 'true',
      generated: false,
    });
    expect(shape.settings!.columns.value!.type).toBe('json');
    for (const table of APPEND_ONLY_TABLES) {
      expect(Object.values(shape[table]!.triggers).sort()).toEqual(['DELETE', 'UPDATE']);
    }
  });

  it('refuses an UPDATE and a DELETE of every append-only table', () => {
    for (const statement of PARENT_AND_PROTECTED_ROWS) sqlite.exec(statement);
    for (const table of APPEND_ONLY_TABLES) {
      for (const change of CHANGES(table)) expect(() => sqlite.exec(change)).toThrow(/append-only/);
      expect(sqlite.prepare(`select count(*) as n from ${table}`).get()).toEqual({ n: 1 });
    }
  });
});

describe.skipIf(!serverUrl)(
  `the PostgreSQL schema from its migrations${serverUrl ? '' : ` (${PG_SKIP_REASON})`}`,
  () => {
    let database: Awaited<ReturnType<typeof freshPgDatabase>>;
    let db: PgDb;
    let client: pg.PoolClient;
    let sqlite: SchemaShape;
    let postgres: SchemaShape;

    beforeAll(async () => {
      database = await freshPgDatabase(serverUrl!);
      db = openPostgres(database.url, { max: 1 });
      await migratePostgres(db);
      client = await db.$client.connect();
      const file = sqliteFile(openDatabase(':memory:'));
      sqlite = sqliteShape(file);
      file.close();
      postgres = await pgShape(client);
    });
    afterAll(async () => {
      client?.release();
      await db?.$client.end();
      await database?.drop();
    });

    it('has the same tables', () => {
      expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    });

    it('has the same columns, types, nullability, defaults and generated ids in every table', () => {
      for (const table of Object.keys(sqlite)) {
        expect({ table, columns: postgres[table]?.columns }).toEqual({
          table,
          columns: sqlite[table]!.columns,
        });
      }
    });

    it('has the same primary keys, indexes, unique constraints, foreign keys and checks', () => {
      for (const table of Object.keys(sqlite)) {
        const { primaryKey, indexes, foreignKeys, checks } = sqlite[table]!;
        const other = postgres[table];
        expect({
          table,
          keys: other && [other.primaryKey, other.indexes, other.foreignKeys, other.checks],
        }).toEqual({ table, keys: [primaryKey, indexes, foreignKeys, checks] });
      }
    });

    it('has the same append-only triggers, and a TRUNCATE guard beside each', () => {
      for (const table of Object.keys(sqlite)) {
        const triggers = postgres[table]?.triggers ?? {};
        const rowTriggers = Object.fromEntries(
          Object.entries(triggers).filter(([, event]) => event !== 'TRUNCATE'),
        );
        expect({ table, triggers: rowTriggers }).toEqual({
          table,
          triggers: sqlite[table]!.triggers,
        });
        // TRUNCATE skips row triggers on PostgreSQL (SQLite has no TRUNCATE): each protected table has one.
        const truncate = Object.values(triggers).filter((event) => event === 'TRUNCATE');
        expect({ table, truncate: truncate.length }).toEqual({
          table,
          truncate: Object.keys(sqlite[table]!.triggers).length > 0 ? 1 : 0,
        });
      }
    });

    it('refuses an UPDATE, a DELETE and a TRUNCATE of every append-only table', async () => {
      for (const statement of PARENT_AND_PROTECTED_ROWS) await client.query(statement);
      for (const table of APPEND_ONLY_TABLES) {
        for (const change of [...CHANGES(table), `truncate ${table} cascade`]) {
          await expect(client.query(change)).rejects.toThrow(/append-only/);
        }
        const count = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
        expect(count.rows[0]!.n).toBe('1');
      }
    });
  },
);
