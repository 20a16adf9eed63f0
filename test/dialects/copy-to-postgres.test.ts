/*
 * `npm run db:copy-to-postgres` (issue #17 item 8): an SQLite deployment with the demo seed and a few
 * sales (settled and pending) is copied into a fresh PostgreSQL database; the target is then checked
 * with its own SQL, not with the copy's code: every table has the source's row count, the ledger
 * balances, the sequences hand out new ids, and a second copy into the same target is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, openPostgres, type PgDb } from '@/db/pg/client';
import { copySqliteToPostgres, type CopyReport } from '@/db/pg/copy-from-sqlite';
import { seed } from '@/db/seed';
import { startSale } from '@/lib/purchases/start-sale';
import { createWorld, type MemoryWorld } from '@/test/world';
import { IN_PROCESS_URL } from '@/test/world/in-process-simulator';
import { committedPgMigrations, freshPgDatabase, PG_SKIP_REASON } from './fresh-pg';
import { sqliteFile } from '@/db/client';
import { connectPostgres } from '@/db/pg/runtime';
import { closeDatabase } from '@/db/query';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) console.warn(`[copy-to-postgres] the test is ${PG_SKIP_REASON}`);

describe.skipIf(!serverUrl)(
  `copying an SQLite deployment to PostgreSQL${serverUrl ? '' : ` (${PG_SKIP_REASON})`}`,
  () => {
    let world: MemoryWorld;
    let database: Awaited<ReturnType<typeof freshPgDatabase>>;
    let target: PgDb;
    let report: CopyReport;

    beforeAll(async () => {
      world = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
      await seed(world.db, IN_PROCESS_URL, true);
      await world.fund(50_000_00);
      // Numbers ending 00 succeed; 59 (README's magic numbers) is a failure VTpass confirms by requery:
      // the sale stays PENDING with its money reserved and a requery job waiting.
      const endings = ['00', '00', '59', '00'];
      for (const [i, ending] of endings.entries()) {
        const sale = await startSale(
          world.db,
          world.agentId,
          {
            idempotencyKey: `copy-${i}`,
            productId: world.airtime.id,
            phone: `0803${String(10_000 + i).padStart(5, '0')}${ending}`,
            network: 'MTN',
            amountMinor: 500_00 + i * 100,
            confirmRepeat: true,
          },
          { provider: world.provider },
        );
        if (!sale.ok) throw new Error(`sale ${i} refused: ${JSON.stringify(sale)}`);
      }
      database = await freshPgDatabase(serverUrl!);
      target = openPostgres(database.url, { max: 2 });
      report = await copySqliteToPostgres(sqliteFile(world.db), target);
    });
    afterAll(async () => {
      await target?.$client.end();
      await database?.drop();
      await world?.close();
    });

    const sqliteCount = (table: string) =>
      (sqliteFile(world.db).prepare(`select count(*) as n from "${table}"`).get() as { n: number })
        .n;
    const pgRows = async <T extends object>(text: string) =>
      (await target.$client.query<T>(text)).rows;
    const pgOne = async <T extends object>(text: string) => (await pgRows<T>(text))[0]!;

    it('copies every table with the source row count', async () => {
      const tables = await pgRows<{ table: string }>(
        `select table_name as table from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      );
      expect(tables.length).toBeGreaterThan(30);
      expect(report.map((r) => r.table).sort()).toEqual(tables.map((t) => t.table));
      for (const { table } of tables) {
        const { n } = await pgOne<{ n: string }>(`select count(*) as n from "${table}"`);
        expect({ table, rows: Number(n) }).toEqual({ table, rows: sqliteCount(table) });
      }
      const statuses = await pgRows<{ status: string }>(
        'select distinct status from purchases order by 1',
      );
      expect(statuses.map((s) => s.status)).toEqual(['PENDING', 'SUCCESS']);
      expect(sqliteCount('requery_jobs')).toBeGreaterThan(0);
      expect(sqliteCount('users')).toBeGreaterThanOrEqual(5);
    });

    it('keeps the ledger whole: each balance is its credits less its debits, as on the source', async () => {
      const sums = await pgRows<{ id: string; balance: string; from_entries: string }>(
        `select a.id, a.balance,
                coalesce((select sum(amount) from ledger_entries where credit_account_id = a.id), 0)
              - coalesce((select sum(amount) from ledger_entries where debit_account_id = a.id), 0)
                as from_entries
           from accounts a order by a.id`,
      );
      expect(sums.length).toBe(sqliteCount('accounts'));
      for (const account of sums) expect(account.balance).toBe(account.from_entries);
      const source = sqliteFile(world.db)
        .prepare('select id, balance from accounts order by id')
        .all() as { id: number; balance: number }[];
      expect(sums.map((a) => ({ id: Number(a.id), balance: Number(a.balance) }))).toEqual(source);
      const perCurrency = await pgRows<{ currency: string; total: string }>(
        'select currency, sum(balance) as total from accounts group by currency',
      );
      for (const { total } of perCurrency) expect(total).toBe('0');
    });

    it('keeps booleans and JSON as the source meant them', async () => {
      const sourceRoutes = sqliteFile(world.db)
        .prepare('select currency, network, type, providers from routes order by 1, 2, 3')
        .all() as { providers: string }[];
      const targetRoutes = await pgRows<{ providers: unknown }>(
        'select currency, network, type, providers from routes order by 1, 2, 3',
      );
      expect(targetRoutes).toEqual(
        sourceRoutes.map((r) => ({ ...r, providers: JSON.parse(r.providers) as unknown })),
      );
      const { n: sourceActive } = sqliteFile(world.db)
        .prepare('select count(*) as n from products where active = 1')
        .get() as { n: number };
      const { n: targetActive } = await pgOne<{ n: string }>(
        'select count(*) as n from products where active',
      );
      expect(Number(targetActive)).toBe(sourceActive);
    });

    it('moves every sequence past the copied ids', async () => {
      const { max } = await pgOne<{ max: string }>('select max(id) as max from audit_log');
      const { id } = await pgOne<{ id: string }>(
        `insert into audit_log (at, actor_label, action) values (1, 'test', 'copy.checked') returning id`,
      );
      expect(Number(id)).toBeGreaterThan(Number(max));
    });

    it('refuses a target that is not empty, and copies nothing', async () => {
      const before = await pgRows<{ n: string }>('select count(*) as n from purchases');
      await expect(copySqliteToPostgres(sqliteFile(world.db), target)).rejects.toThrow(/not empty/);
      expect(await pgRows<{ n: string }>('select count(*) as n from purchases')).toEqual(before);
      expect(await migratePostgres(target)).toBe(committedPgMigrations());
    });

    // Last: the portal's handle installs its number parsers process-wide (db/pg/runtime.ts), which the
    // checks above, reading raw pg text, must not see.
    it('is a database the portal serves: its money invariants hold there, and the wallet reads the same', async () => {
      const portal = connectPostgres(database.url, { max: 2 });
      try {
        expect(await allViolations(portal)).toEqual([]);
        expect(await findWallet(portal, world.agentId, 'NGN')).toEqual(
          await findWallet(world.db, world.agentId, 'NGN'),
        );
      } finally {
        await closeDatabase(portal);
      }
    });
  },
);
