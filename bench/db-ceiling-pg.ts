/**
 * Child process: the purchase transactions in-process on PostgreSQL, no HTTP (the SQLite twin is
 * bench/db-ceiling.ts). Fresh databases on the bench's server (test/world, TEST_ENGINE=postgres); one
 * runs the real openSale + applyProviderResult(SUCCESS) through the portal's data layer (a
 * connectPostgres handle), one the same statements with the same SQL text as raw `pg` (one client,
 * named prepared statements: the ceiling), one the same unnamed (parsed on every use: a diagnostic).
 * A floor times one transaction writing one row. They run in alternating slices, so a neighbour's
 * CPU burst hits all alike. Prints one JSON line shaped like the SQLite ceiling's.
 */
import pg from 'pg';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { getProduct } from '@/lib/catalogue/routing';
import { allViolations } from '@/lib/ledger/invariants';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { startSimulator } from '@/simulator/server';
import { DURATION } from './config';
import { ledgerSeller } from './ledger-seller';
import { createRawSalePg } from './raw-sale-pg';
import { measureInSlices, type Sale } from './slices';
import { prepareBenchDatabase, type BenchFixture } from './world';

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function main() {
  const sim = await startSimulator({ port: 0 });
  const ledger = await prepareBenchDatabase('', sim.url);
  const raw = await prepareBenchDatabase('', sim.url);
  const unnamed = await prepareBenchDatabase('', sim.url);
  await sim.close();

  const newReference = createReferenceGenerator();
  let n = 0;
  const ledgerSale = await ledgerSeller(
    ledger.db,
    ledger.agentId,
    ledger.productId,
    `ledger-${Date.now()}`,
  );
  const clients: pg.Client[] = [];
  const rawSaleOn = async (fixture: BenchFixture, named: boolean): Promise<Sale> => {
    const client = await connect(fixture.location);
    clients.push(client);
    const sale = createRawSalePg(client, { named });
    const product = (await getProduct(fixture.db, fixture.productId))!;
    const price = priceSale(
      10_000,
      await commissionBps(fixture.db, fixture.agentId, 'NGN', product.network, 'airtime'),
    );
    return async () => {
      n += 1;
      const now = Date.now();
      const attemptId = await sale.open({
        agentId: fixture.agentId,
        idempotencyKey: `raw-${n}-bench-key-0`,
        product,
        phone: `0803${String(n % 10_000_000).padStart(7, '0')}`,
        price,
        reference: newReference(),
        now,
      });
      await sale.settle(attemptId, now);
    };
  };
  const rawSale = await rawSaleOn(raw, true);
  const unnamedSale = await rawSaleOn(unnamed, false);

  // The floor: one transaction writing one row, on its own client, as a sale's two transactions do.
  const commitClient = await connect(ledger.location);
  clients.push(commitClient);
  await commitClient.query(
    'create table if not exists bench_commits (id bigserial primary key, at bigint not null)',
  );
  const commitOnce: Sale = async () => {
    await commitClient.query('begin isolation level read committed');
    await commitClient.query({
      name: 'bench_commit',
      text: 'insert into bench_commits (at) values ($1)',
      values: [Date.now()],
    });
    await commitClient.query('commit');
  };

  // Count the statements each side sends per warm sale (every Client#query, BEGIN and COMMIT included;
  // the pool's connections are pg.Clients too), to show the raw side does the same work.
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let sent = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    sent += 1;
    return original.apply(this, args);
  };
  const statementsOf = async (sale: Sale) => {
    const before = sent;
    await sale();
    return sent - before;
  };
  await ledgerSale(); // the first sale prepares the queries and creates the system accounts
  await rawSale();
  const statementsPerSale = {
    ledger: await statementsOf(ledgerSale),
    raw: await statementsOf(rawSale),
  };
  proto.query = original;

  const measured = await measureInSlices(
    { ledger: ledgerSale, raw: rawSale, rawUnprepared: unnamedSale, commit: commitOnce },
    DURATION.dbCeiling * 4,
  );
  const violations = {
    ledger: await allViolations(ledger.db),
    raw: await allViolations(raw.db),
    rawUnprepared: await allViolations(unnamed.db),
  };
  for (const client of clients) await client.end();
  for (const fixture of [ledger, raw, unnamed]) await fixture.discard();
  process.stdout.write(
    `${JSON.stringify({
      ...measured,
      statementsPerSale,
      server: (await serverSettings()) ?? {},
      violations,
    })}\n`,
  );
}

/** The server's durability settings: a throwaway cluster runs with fsync off. */
async function serverSettings() {
  const client = await connect(process.env.TEST_DATABASE_URL!);
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'server_version')",
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
