/**
 * Child process: the purchase transactions in-process, no HTTP. Fresh databases opened with the
 * portal's own settings (openDatabase: WAL, synchronous=FULL, busy_timeout); one runs the real
 * openSale + applyProviderResult(SUCCESS), one the same statements as raw SQL prepared once (the
 * ceiling), and one the raw SQL prepared on every use (a diagnostic: what preparation alone costs).
 * They run in alternating slices so a neighbour's CPU burst hits all alike.
 * Prints one JSON line: { ledger, raw, ... } (latencies per sale = reserve + settle, in ms).
 */
import { getProduct } from '@/lib/catalogue/routing';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { allViolations } from '@/lib/ledger/invariants';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { startSimulator } from '@/simulator/server';
import { openDatabase, sqliteFile } from '@/db/client';
import { closeDatabase } from '@/db/query';
import { COMMIT_DB, DURATION, LEDGER_DB, RAW_DB, RAW_UNPREPARED_DB } from './config';
import { removeDatabaseFile } from '@/test/world';
import { ledgerSeller } from './ledger-seller';
import { prepareBenchDatabase } from './world';
import { createRawSale } from './raw-sale';
import { measureInSlices, type Sale } from './slices';

async function main() {
  const sim = await startSimulator({ port: 0 });
  const ledger = await prepareBenchDatabase(LEDGER_DB, sim.url);
  const raw = await prepareBenchDatabase(RAW_DB, sim.url);
  const unprepared = await prepareBenchDatabase(RAW_UNPREPARED_DB, sim.url);
  await sim.close();

  const product = (await getProduct(ledger.db, ledger.productId))!;
  const price = priceSale(
    10_000,
    await commissionBps(ledger.db, ledger.agentId, 'NGN', product.network, 'airtime'),
  );
  const newReference = createReferenceGenerator();
  let n = 0;
  const phone = () => `0803${String(n % 10_000_000).padStart(7, '0')}`;

  const ledgerSale = await ledgerSeller(
    ledger.db,
    ledger.agentId,
    ledger.productId,
    `ledger-${Date.now()}`,
  );
  const rawSaleOn = async (fixture: typeof raw, prepareOnce: boolean) => {
    const sale = createRawSale(sqliteFile(fixture.db), { prepareOnce });
    const rawProduct = (await getProduct(fixture.db, fixture.productId))!;
    return () => {
      n += 1;
      const now = Date.now();
      const attemptId = sale.open({
        agentId: fixture.agentId,
        idempotencyKey: `raw-${n}-bench-key-0`,
        product: rawProduct,
        phone: phone(),
        price,
        reference: newReference(),
        now,
      });
      sale.settle(attemptId, now);
    };
  };
  const rawSale = await rawSaleOn(raw, true);
  const unpreparedSale = await rawSaleOn(unprepared, false);

  // Count the statements each path executes per sale, to prove the raw path does the same work.
  // Both run better-sqlite3 Statement objects, BEGIN and COMMIT included on both sides: the raw
  // side's better-sqlite3 transaction runs them as statements, the portal's connection through
  // `exec` (db/sqlite/connection.ts), so `exec` counts too.
  const ledgerFile = sqliteFile(ledger.db);
  const statementProto = Object.getPrototypeOf(ledgerFile.prepare('select 1')) as Record<
    'run' | 'get' | 'all',
    (...a: unknown[]) => unknown
  >;
  const connectionProto = Object.getPrototypeOf(ledgerFile) as Record<
    'exec',
    (...a: unknown[]) => unknown
  >;
  let executed = 0;
  const counted = (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      executed += 1;
      return original.apply(this, args);
    };
  const originals = { run: statementProto.run, get: statementProto.get, all: statementProto.all };
  const originalExec = connectionProto.exec;
  for (const method of ['run', 'get', 'all'] as const)
    statementProto[method] = counted(originals[method]);
  connectionProto.exec = counted(originalExec);
  const statementsOf = async (sale: Sale) => {
    const before = executed;
    await sale();
    return executed - before;
  };
  await ledgerSale(); // the first sale prepares the queries and creates the system accounts: count a warm one
  rawSale();
  // The floor under both: one IMMEDIATE transaction that writes one row, made durable (fsync) by its
  // COMMIT. A sale commits twice, on the server's one event loop.
  removeDatabaseFile(COMMIT_DB);
  const commitDb = openDatabase(COMMIT_DB, { migrate: false });
  const commitFile = sqliteFile(commitDb);
  commitFile.exec(
    'create table if not exists bench_commits (id integer primary key, at integer not null)',
  );
  const insertCommit = commitFile.prepare('insert into bench_commits (at) values (?)');
  const durableCommit = commitFile.transaction(() => insertCommit.run(Date.now()));
  const commitOnce = () => {
    durableCommit.immediate();
  };

  const statementsPerSale = {
    ledger: await statementsOf(ledgerSale),
    raw: await statementsOf(rawSale),
  };
  Object.assign(statementProto, originals);
  connectionProto.exec = originalExec;

  const measured = await measureInSlices(
    { ledger: ledgerSale, raw: rawSale, rawUnprepared: unpreparedSale, commit: commitOnce },
    DURATION.dbCeiling * 4,
  );
  const violations = {
    ledger: await allViolations(ledger.db),
    raw: await allViolations(raw.db),
    rawUnprepared: await allViolations(unprepared.db),
  };
  for (const f of [ledger, raw, unprepared]) await closeDatabase(f.db);
  await closeDatabase(commitDb);
  process.stdout.write(
    `${JSON.stringify({
      ...measured,
      statementsPerSale,
      pragmas: { journal_mode: 'wal', synchronous: 'FULL', busy_timeout: 10000 },
      violations,
    })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
