// The one world every test, proof and the bench runs in: a migrated, seeded database with the catalogue
// synced from the provider simulator, providers timed for sales, and one agent with wallets.
// Choose the storage (a durable file, or memory), the simulator (real HTTP on a port, in-process, or one
// already running) and the agent; then `fork()` copies the world in milliseconds for each run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, sqliteFile, type Db } from '@/db/client';
import { connectPostgres } from '@/db/pg/runtime';
import { closeDatabase, execute } from '@/db/query';
import { products, productSources, providerSettings } from '@/db/schema';
import { seed } from '@/db/seed';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { routeFor } from '@/lib/catalogue/routing';
import { syncCatalogue } from '@/lib/catalogue/run-sync';
import { walletAccount } from '@/lib/ledger/accounts';
import { fundWallet } from '@/lib/ledger/funding';
import { seedProviderSettings } from '@/lib/provider-settings/seed';
import type { Currency } from '@/lib/money';
import type { ProviderDeps } from '@/lib/providers/types';
import { createUser } from '@/lib/users/commands';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '@/simulator/server';
import { insertUser } from './db';
import {
  createInProcessSimulator,
  IN_PROCESS_URL,
  type InProcessOptions,
  type InProcessSimulator,
} from './in-process-simulator';
import {
  cachedTemplate,
  cloneDatabase,
  databaseComment,
  disconnectOthers,
  dropDatabase,
  migratedTemplate,
  pgUrl,
  testEngine,
} from './engine';
import { cachedMemoryImage, openMemoryImage } from './memory-image';
import { first } from '@/db/query';

export type Product = typeof products.$inferSelect;

export type SimulatorChoice =
  | ({ kind: 'http' } & SimulatorOptions) // started on a free port, closed with the world
  | ({ kind: 'in-process' } & InProcessOptions) // its wire handlers through an injected fetch: no socket
  | { kind: 'running'; url: string }; // someone else's (the bench's), left running

export type SimulatorOf<C extends SimulatorChoice> = C extends { kind: 'in-process' }
  ? InProcessSimulator
  : C extends { kind: 'running' }
    ? { url: string }
    : RunningSimulator;

/** The fast layer's world: in memory, with the in-process simulator. */
export type MemoryWorld = World<InProcessSimulator>;

export interface WorldOptions<C extends SimulatorChoice> {
  /** 'file' (default): a fresh file in a temporary folder; { file }: this path, replaced; 'memory': no file. */
  storage?: 'file' | 'memory' | { file: string };
  /** Default: the real simulator over HTTP, resolving pending sales after 300 ms and holding a 53 for 5 s. */
  simulator?: C;
  /** The providers' timeout for sales, set after the catalogue synced with their own (default 1 s). */
  saleTimeoutMs?: number;
  /** The agent: a placeholder password unless an account to sign in with is given; wallets at zero. */
  agent?: { account?: { email: string; password: string; name: string }; currencies?: Currency[] };
}

export interface World<S = RunningSimulator> {
  db: Db;
  /** The database file (':memory:' in memory). */
  file: string;
  sim: S;
  /** The provider deps every money call passes on: the in-process simulator's fetch, or none (real HTTP). */
  provider: Partial<ProviderDeps>;
  agentId: number;
  /** NGN MTN airtime (route vtpass → jonet → cwg). */
  airtime: Product;
  /** The NGN MTN data bundle the most providers carry (route jonet → vtpass → cwg): the longest route. */
  data: Product;
  /** Each product's configured route (the admin's provider order, less providers that do not carry it). */
  routes: { airtime: string[]; data: string[] };
  product(filter: {
    currency?: Currency;
    network: string;
    type: 'airtime' | 'data';
  }): Promise<Product>;
  fund(amountMinor: number, currency?: Currency): Promise<void>;
  /** Another agent, funded in NGN with the given amount. */
  newAgent(fundMinor: number): Promise<number>;
  /**
   * A copy of this world's database as it is now, with its own close(). The simulator is shared, except in
   * memory, where each copy gets a fresh in-process simulator (its own record of sales).
   */
  fork(): Promise<World<S>>;
  /** Close and reopen the same file, as a process restart would. */
  restart(): Db;
  close(): Promise<void>;
}

export async function createWorld<C extends SimulatorChoice = { kind: 'http' }>(
  opts: WorldOptions<C> = {},
): Promise<World<SimulatorOf<C>>> {
  const choice: SimulatorChoice = opts.simulator ?? { kind: 'http' };
  // On PostgreSQL (the suite's second run) every world is a database of its own, whatever the storage.
  if (testEngine() === 'postgres')
    return (await pgWorld(opts, choice)) as unknown as World<SimulatorOf<C>>;
  if (opts.storage !== 'memory') return (await fileWorld(opts, choice)) as World<SimulatorOf<C>>;
  if (choice.kind !== 'in-process')
    throw new Error('a memory world needs the in-process simulator (a fixed URL)');
  return (await memoryWorld(opts, choice)) as unknown as World<SimulatorOf<C>>;
}

async function memoryWorld<C extends SimulatorChoice>(
  opts: WorldOptions<C>,
  choice: { kind: 'in-process' } & InProcessOptions,
) {
  const { kind: _kind, ...simOpts } = choice;
  // Seeding hashes the demo passwords: the seeded image is kept on disk between runs.
  const image = await cachedMemoryImage(JSON.stringify(opts), async () => {
    const db = openDatabase(':memory:');
    const sim = createInProcessSimulator(simOpts);
    const agentId = await build(db, IN_PROCESS_URL, sim.fetch, opts);
    sim.dispose();
    const bytes = sqliteFile(db).serialize();
    sqliteFile(db).close();
    return { bytes, agentId };
  });
  const open = async (db: Db): Promise<MemoryWorld> => {
    const sim = createInProcessSimulator(simOpts);
    return await assemble(db, ':memory:', sim, { fetch: sim.fetch }, image.agentId, {
      fork: async () => await open(openMemoryImage(sqliteFile(db).serialize())),
      restart: () => {
        throw new Error('a memory world has no file to reopen');
      },
      close: async () => {
        sim.dispose();
        sqliteFile(db).close();
      },
    });
  };
  return await open(openMemoryImage(image.bytes));
}

async function fileWorld<C extends SimulatorChoice>(
  opts: WorldOptions<C>,
  choice: SimulatorChoice,
) {
  const storage = opts.storage;
  const dir =
    typeof storage === 'object' ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'portal-world-'));
  const file = typeof storage === 'object' ? storage.file : path.join(dir!, 'portal.db');
  if (typeof storage === 'object') removeDatabaseFile(file);
  const started = await startChosen(choice);
  const db = openDatabase(file);
  const agentId = await build(db, started.sim.url, started.fetch, opts);
  const provider = started.fetch ? { fetch: started.fetch } : {};
  let forks = 0;
  const open = async (
    db: Db,
    file: string,
    close: () => Promise<void>,
  ): Promise<World<unknown>> => {
    const world: World<unknown> = await assemble(db, file, started.sim, provider, agentId, {
      fork: async () => {
        sqliteFile(world.db).pragma('wal_checkpoint(TRUNCATE)'); // the copy holds every committed row
        const copy = path.join(path.dirname(file), `fork-${process.pid}-${++forks}.db`);
        fs.copyFileSync(file, copy);
        return await open(openDatabase(copy, { migrate: false }), copy, async () =>
          removeDatabaseFile(copy),
        );
      },
      restart: () => {
        sqliteFile(world.db).close();
        world.db = openDatabase(file);
        return world.db;
      },
      close: async () => {
        if (sqliteFile(world.db).open) sqliteFile(world.db).close();
        await close();
      },
    });
    return world;
  };
  return await open(db, file, async () => {
    await started.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/**
 * The world on PostgreSQL (TEST_ENGINE=postgres): a database of its own on the test server. With the
 * in-process simulator (a fixed URL) the seeded world is built once per server and copied
 * (CREATE DATABASE … TEMPLATE); over HTTP the providers' URLs name this run's port, so it is built
 * in a fresh copy of the migrated schema. `file` is the database's URL, for workers to join it.
 */
async function pgWorld<C extends SimulatorChoice>(opts: WorldOptions<C>, choice: SimulatorChoice) {
  const started = await startChosen(choice);
  const buildInto = async (name: string) => {
    const db = connectPostgres(pgUrl(name), { max: 2 });
    try {
      const agentId = await build(db, started.sim.url, started.fetch, opts);
      await execute(db, sql.raw(`comment on database ${name} is '${agentId}'`));
    } finally {
      await closeDatabase(db);
    }
  };
  let name: string;
  let built: string; // a comment stays with its database: copies do not carry it
  if (choice.kind === 'in-process') {
    built = await cachedTemplate(JSON.stringify(opts), buildInto);
    name = await cloneDatabase(built);
  } else {
    name = built = await cloneDatabase(await migratedTemplate());
    await buildInto(name);
  }
  const agentId = await databaseComment(built);
  const inProcess = choice.kind === 'in-process' ? choice : null;
  const open = async (
    name: string,
    sim: unknown,
    provider: Partial<ProviderDeps>,
    close: () => Promise<void>,
  ): Promise<World<unknown>> => {
    const url = pgUrl(name);
    const world: World<unknown> = await assemble(
      connectPostgres(url),
      url,
      sim,
      provider,
      agentId,
      {
        fork: async () => {
          // A template must have no session open: this world's idle connections are closed first
          // (its pool opens new ones on its next query).
          await disconnectOthers(name);
          const copy = await cloneDatabase(name);
          if (!inProcess) return await open(copy, sim, provider, () => dropDatabase(copy));
          const { kind: _kind, ...simOpts } = inProcess;
          const own = createInProcessSimulator(simOpts);
          return await open(copy, own, { fetch: own.fetch }, async () => {
            own.dispose();
            await dropDatabase(copy);
          });
        },
        restart: () => {
          void closeDatabase(world.db);
          world.db = connectPostgres(url);
          return world.db;
        },
        close: async () => {
          await closeDatabase(world.db);
          await close();
        },
      },
    );
    return world;
  };
  return await open(name, started.sim, started.fetch ? { fetch: started.fetch } : {}, async () => {
    await dropDatabase(name);
    await started.close();
  });
}

/** Seeds, syncs the catalogue, sets the sale timeout and adds the agent: returns the agent's id. */
async function build<C extends SimulatorChoice>(
  db: Db,
  simulatorUrl: string,
  fetch: typeof globalThis.fetch | undefined,
  opts: WorldOptions<C>,
): Promise<number> {
  // The world's providers are the simulator: they get its published credentials whether or not the seed
  // runs in demo mode (the bench runs in production mode, where the seed leaves credentials to an admin).
  await seedProviderSettings(db, simulatorUrl, Date.now(), { demoCredentials: true });
  await seed(db, simulatorUrl);
  // The catalogue syncs with the providers' own timeouts (a slow machine must not drop a provider's plans);
  // the sales' short timeout comes after.
  const failed = (await syncCatalogue(db, fetch ? { fetch } : {})).filter((s) => 'error' in s);
  if (failed.length > 0) throw new Error(`catalogue sync failed: ${JSON.stringify(failed)}`);
  await db.update(providerSettings).set({ timeoutMs: opts.saleTimeoutMs ?? 1_000 });
  const currencies = opts.agent?.currencies ?? ['NGN', 'INR'];
  const account = opts.agent?.account;
  const agent = account
    ? await createUser(db, SYSTEM_ACTOR, { ...account, role: 'agent', currencies })
    : await insertUser(db);
  // The wallets exist (at zero) before the first funding, like an agent created through the admin UI.
  for (const currency of currencies) await walletAccount(db, agent.id, currency);
  return agent.id;
}

interface StartedSimulator {
  sim: { url: string };
  /** Set when the providers are reached through an injected fetch rather than the network. */
  fetch?: typeof fetch;
  close(): Promise<void>;
}

async function startChosen(choice: SimulatorChoice): Promise<StartedSimulator> {
  if (choice.kind === 'running') return { sim: { url: choice.url }, close: async () => {} };
  if (choice.kind === 'in-process') {
    const { kind: _kind, ...simOpts } = choice;
    const sim = createInProcessSimulator(simOpts);
    return { sim, fetch: sim.fetch, close: async () => sim.dispose() };
  }
  const { kind: _kind, ...simOpts } = choice;
  const sim = await startSimulator({
    port: 0,
    pendingResolveMs: 300,
    timeoutHoldMs: 5_000,
    ...simOpts,
  });
  return { sim, close: () => sim.close() };
}

let fundings = 0;

async function assemble<S>(
  db: Db,
  file: string,
  sim: S,
  provider: Partial<ProviderDeps>,
  agentId: number,
  life: Pick<World<S>, 'fork' | 'restart' | 'close'>,
): Promise<World<S>> {
  const fund = async (agent: number, amount: number, currency: Currency) => {
    fundings += 1;
    await fundWallet(world.db, SYSTEM_ACTOR, {
      agentId: agent,
      currency,
      amount,
      direction: 'credit',
      reference: `test-fund-${agent}-${fundings}`,
      reason: 'test',
    });
  };
  const world: World<S> = {
    db,
    file,
    sim,
    provider,
    agentId,
    ...(await catalogueProducts(db)),
    product: async ({ currency = 'NGN', network, type }) => {
      const match = (
        await world.db.select().from(products).where(eq(products.network, network))
      ).find((p) => p.currency === currency && p.type === type && p.active);
      if (!match) throw new Error(`No ${currency} ${network} ${type} product after sync`);
      return match;
    },
    fund: async (amountMinor, currency = 'NGN') => await fund(agentId, amountMinor, currency),
    newAgent: async (fundMinor) => {
      const other = await insertUser(world.db);
      await fund(other.id, fundMinor, 'NGN');
      return other.id;
    },
    ...life,
  };
  return world;
}

async function catalogueProducts(db: Db): Promise<Pick<World, 'airtime' | 'data' | 'routes'>> {
  const mtn = (type: 'airtime' | 'data') =>
    and(
      eq(products.currency, 'NGN'),
      eq(products.network, 'MTN'),
      eq(products.type, type),
      eq(products.active, true),
    );
  const airtime = await first(db.select().from(products).where(mtn('airtime')));
  if (!airtime) throw new Error('No MTN airtime product after sync');
  const data = await first(
    db
      .select()
      .from(products)
      .where(mtn('data'))
      .orderBy(
        sql`(select count(*) from ${productSources} s where s.product_id = ${products.id} and s.available) desc`,
        products.id,
      ),
  );
  if (!data?.priceMinor) throw new Error('No priced MTN data product after sync');
  return {
    airtime,
    data,
    routes: {
      airtime: (await routeFor(db, airtime)).map((s) => s.provider),
      data: (await routeFor(db, data)).map((s) => s.provider),
    },
  };
}

export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    fs.rmSync(`${file}${suffix}`, { force: true });
}
