import { and, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import type { Tx } from '@/db/transaction';
import { accounts } from '@/db/schema';
import type { Currency } from '@/lib/money';
import { registry, type ProviderRegistry } from '@/lib/providers/registry';
import { first } from '@/db/query';
import { lockRows } from '@/db/dialect';

type AccountKind = (typeof accounts.$inferSelect)['kind'];
export type Account = typeof accounts.$inferSelect;

/**
 * The lock order of the ledger. On PostgreSQL a transaction holds each account row it updates until it
 * commits, so two transactions updating two shared accounts in opposite orders would wait for each
 * other until the server aborts one (a settle pays clearing → float, a reversal float → clearing).
 * So post() updates its two rows by ascending id, and a transaction that moves money more than once
 * locks every account it will touch first, by ascending id, here. On SQLite the IMMEDIATE
 * transaction already holds the database's write lock: nothing to do.
 */
export async function lockAccounts(tx: Tx, ...touched: Account[]): Promise<void> {
  await lockRows(
    tx,
    accounts,
    touched.map((account) => account.id),
  );
}

export const PROVIDER_CURRENCY: Record<string, Currency> = registry.pick((p) => p.currency);

export const systemCodes = {
  funding: (c: Currency) => `funding:${c}`,
  clearing: (c: Currency) => `clearing:${c}`,
  commission: (c: Currency) => `commission:${c}`,
  float: (provider: string) => `float:${provider}`,
  writeOff: (c: Currency) => `write_off:${c}`,
  receivable: (agentId: number, c: Currency) => `receivable:${agentId}:${c}`,
};

const accountByCode = prepared((db) =>
  db
    .select()
    .from(accounts)
    .where(eq(accounts.code, sql.placeholder('code'))),
);

/** Reads first: accounts exist after their first use, and a read costs less than an attempted write. */
async function ensure(
  tx: Tx,
  code: string,
  kind: AccountKind,
  currency: Currency,
  extra: Partial<Account> = {},
): Promise<Account> {
  const existing = await accountByCode(tx).get({ code });
  if (existing) return existing;
  await tx
    .insert(accounts)
    .values({ code, kind, currency, ...extra })
    .onConflictDoNothing({ target: accounts.code });
  const account = await accountByCode(tx).get({ code });
  if (!account) throw new Error(`Account ${code} could not be created`);
  return account;
}

export const fundingAccount = async (tx: Tx, c: Currency) =>
  await ensure(tx, systemCodes.funding(c), 'funding_source', c);
export const clearingAccount = async (tx: Tx, c: Currency) =>
  await ensure(tx, systemCodes.clearing(c), 'clearing', c);
export const commissionAccount = async (tx: Tx, c: Currency) =>
  await ensure(tx, systemCodes.commission(c), 'commission_income', c);
/** The provider's float, in its descriptor's currency (a test may pass its own provider list). */
export async function floatAccount(
  tx: Tx,
  provider: string,
  providers: ProviderRegistry = registry,
): Promise<Account> {
  const currency = providers.find(provider)?.currency;
  if (!currency) throw new Error(`Unknown provider ${provider}`);
  return await ensure(tx, systemCodes.float(provider), 'provider_float', currency, { provider });
}

/** The platform's loss on deliveries it did not charge anyone for: shown in reconciliation. */
export const writeOffAccount = async (tx: Tx, c: Currency) =>
  await ensure(tx, systemCodes.writeOff(c), 'write_off', c);
/** What one agent owes the platform; negative while a debt is open. Not a wallet: no user_id (one wallet per user and currency). */
export const receivableAccount = async (tx: Tx, agentId: number, c: Currency) =>
  await ensure(tx, systemCodes.receivable(agentId, c), 'agent_receivable', c);

export async function walletAccount(tx: Tx, userId: number, currency: Currency): Promise<Account> {
  return await ensure(tx, `wallet:${userId}:${currency}`, 'wallet', currency, { userId });
}

export async function findWallet(
  tx: Tx,
  userId: number,
  currency: Currency,
): Promise<Account | undefined> {
  return await first(
    tx
      .select()
      .from(accounts)
      .where(
        and(
          eq(accounts.userId, userId),
          eq(accounts.currency, currency),
          eq(accounts.kind, 'wallet'),
        ),
      ),
  );
}

// Read on every agent page (the header's balance).
const walletsOf = prepared(
  (db) =>
    db
      .select()
      .from(accounts)
      .where(and(eq(accounts.userId, sql.placeholder('userId')), eq(accounts.kind, 'wallet')))
      .orderBy(desc(accounts.currency)), // NGN before INR: most agents sell in Nigeria,
);

export async function listWallets(tx: Tx, userId: number): Promise<Account[]> {
  return await walletsOf(tx).all({ userId });
}
