/**
 * Prepares a PostgreSQL database for e2e/postgres.spec.ts, run as its own process with DATABASE_URL
 * set (as `npm start` would on PostgreSQL): migrations, the seed (demo accounts), the catalogue from the
 * simulator, then one agent funded for exactly `k` sales of MTN airtime with an API key to sell with.
 * Prints what the spec needs as JSON on the last line.
 *   node --import tsx e2e/postgres/setup.ts <k> <amountMinor>
 */
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateConfigured } from '@/db/migrate-configured';
import { closeDatabase, first } from '@/db/query';
import { products } from '@/db/schema';
import { seed } from '@/db/seed';
import { createApiKey } from '@/lib/api/keys';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { syncCatalogue } from '@/lib/catalogue/run-sync';
import { env } from '@/lib/env';
import { fundWallet } from '@/lib/ledger/funding';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { createUser } from '@/lib/users/commands';

const [k, amountMinor] = process.argv.slice(2).map(Number) as [number, number];
await migrateConfigured();
const db = getDb();
try {
  await seed(db, env.SIMULATOR_URL, true);
  const failed = (await syncCatalogue(db)).filter((s) => 'error' in s);
  if (failed.length > 0) throw new Error(`catalogue sync failed: ${JSON.stringify(failed)}`);
  const airtime = await first(
    db
      .select()
      .from(products)
      .where(
        and(
          eq(products.network, 'MTN'),
          eq(products.type, 'airtime'),
          eq(products.currency, 'NGN'),
        ),
      ),
  );
  if (!airtime) throw new Error('no MTN airtime after the sync');
  const agent = await createUser(db, SYSTEM_ACTOR, {
    email: `racer-${Date.now()}@e2e.test`,
    name: 'Racing agent',
    password: 'correct horse battery staple',
    role: 'agent',
    currencies: ['NGN'],
  });
  const rate = await commissionBps(db, agent.id, 'NGN', airtime.network, airtime.type);
  const cost = priceSale(amountMinor, rate).agentCostMinor;
  await fundWallet(db, SYSTEM_ACTOR, {
    agentId: agent.id,
    currency: 'NGN',
    amount: cost * k,
    direction: 'credit',
    reference: `e2e-race-${agent.id}`,
    reason: `exactly ${k} sales`,
  });
  const key = await createApiKey(db, SYSTEM_ACTOR, agent.id, {
    name: 'race',
    scopes: ['read', 'sell'],
    allowedIps: [],
  });
  console.log(JSON.stringify({ agentId: agent.id, productId: airtime.id, apiKey: key.key, cost }));
} finally {
  await closeDatabase(db);
}
