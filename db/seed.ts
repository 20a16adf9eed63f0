import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_FUNDING, DEMO_USERS } from './demo';
import { commissionRates, routes, users } from './schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { saveTotpFactor } from '@/lib/auth/second-factor/factors';
import { fundWallet } from '@/lib/ledger/funding';
import type { Currency } from '@/lib/money';
import { seedProviderSettings } from '@/lib/provider-settings/seed';
import { createUser } from '@/lib/users/commands';
import { BILLERS } from '@/lib/bills/billers';
import { first } from '@/db/query';

const NG_NETWORKS = ['MTN', 'GLO', 'AIRTEL', '9MOBILE'];
const IN_OPERATORS = ['AIRTEL', 'JIO', 'VI', 'BSNL'];

async function ensureUser(
  db: Db,
  demo: (typeof DEMO_USERS)[keyof typeof DEMO_USERS],
  currencies: Currency[],
) {
  const existing = await first(db.select().from(users).where(eq(users.email, demo.email)));
  if (existing) return existing;
  return await createUser(db, SYSTEM_ACTOR, { ...demo, currencies });
}

/** Idempotent: safe to run on every start. The demo accounts and their money exist in demo mode only. */
export async function seed(db: Db, simulatorUrl: string, demo = env.DEMO === 'on'): Promise<void> {
  if (demo) await seedDemoAccounts(db);
  await seedProviderSettings(db, simulatorUrl, Date.now(), { demoCredentials: demo });
  await seedCatalogueDefaults(db);
}

async function seedDemoAccounts(db: Db) {
  const hadAdmin = await first(
    db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USERS.admin.email)),
  );
  const admin = await ensureUser(db, DEMO_USERS.admin, []);
  // Only when the demo admin is first made: a factor reset later by another admin stays reset.
  if (!hadAdmin) await saveTotpFactor(db, SYSTEM_ACTOR, admin.id, DEMO_ADMIN_TOTP_SECRET, 0);
  await ensureUser(db, DEMO_USERS.adminTwo, []);
  const agent = await ensureUser(db, DEMO_USERS.agent, ['NGN', 'INR']);
  const agentTwo = await ensureUser(db, DEMO_USERS.agentTwo, ['NGN']);
  const fund = async (agentId: number, currency: Currency, reference: string) =>
    await fundWallet(db, SYSTEM_ACTOR, {
      agentId,
      currency,
      amount: DEMO_FUNDING[currency],
      direction: 'credit',
      reference,
      reason: 'Demo opening balance',
    });
  await fund(agent.id, 'NGN', 'demo-opening-ngn');
  await fund(agent.id, 'INR', 'demo-opening-inr');
  await fund(agentTwo.id, 'NGN', 'demo-opening-agent2-ngn');
}

async function seedCatalogueDefaults(db: Db) {
  const routeRows = [
    ...NG_NETWORKS.flatMap((network) => [
      {
        currency: 'NGN' as const,
        network,
        type: 'airtime' as const,
        providers: ['vtpass', 'jonet', 'cwg'],
      },
      {
        currency: 'NGN' as const,
        network,
        type: 'data' as const,
        providers: ['jonet', 'vtpass', 'cwg'],
      },
    ]),
    ...IN_OPERATORS.flatMap((network) => [
      { currency: 'INR' as const, network, type: 'airtime' as const, providers: ['rechargekit'] },
      { currency: 'INR' as const, network, type: 'data' as const, providers: ['rechargekit'] },
    ]),
  ];
  await db.insert(routes).values(routeRows).onConflictDoNothing();
  const rates = [
    ...NG_NETWORKS.flatMap((network) => [
      { currency: 'NGN' as const, network, type: 'airtime' as const, rateBps: 200 },
      { currency: 'NGN' as const, network, type: 'data' as const, rateBps: 300 },
    ]),
    ...IN_OPERATORS.flatMap((network) => [
      { currency: 'INR' as const, network, type: 'airtime' as const, rateBps: 150 },
      { currency: 'INR' as const, network, type: 'data' as const, rateBps: 200 },
    ]),
  ];
  // Defaults have agent_id NULL, which a unique index cannot dedupe in SQLite: insert them once.
  const hasDefaults = await first(
    db.select().from(commissionRates).where(isNull(commissionRates.agentId)),
  );
  if (!hasDefaults) await db.insert(commissionRates).values(rates);
  // After the top-up defaults: their "inserted once" check reads any default rate, bills' included.
  await seedBillDefaults(db);
}

/** Bills sell through VTpass only today; 1% commission by default. Added once, also to older databases. */
async function seedBillDefaults(db: Db) {
  const billRoutes = BILLERS.map((b) => ({
    currency: 'NGN' as const,
    network: b.id,
    type: b.type,
    providers: ['vtpass'],
  }));
  await db.insert(routes).values(billRoutes).onConflictDoNothing();
  for (const b of BILLERS) {
    const has = await first(
      db
        .select({ id: commissionRates.id })
        .from(commissionRates)
        .where(
          and(
            isNull(commissionRates.agentId),
            eq(commissionRates.network, b.id),
            eq(commissionRates.type, b.type),
          ),
        ),
    );
    if (!has)
      await db
        .insert(commissionRates)
        .values({ currency: 'NGN', network: b.id, type: b.type, rateBps: 100 });
  }
}
