import { and, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import type { Tx } from '@/db/transaction';
import { accounts } from '@/db/schema';
import type { Currency } from '@/lib/money';
import { registry, type ProviderRegistry } from '@/lib/providers/registry';

type AccountKind = (typeof accounts.$inferSelect)['kind'];
export type Account = typeof accounts.$inferSelect;

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
    .where(eq(accounts.code, sql.placeholder('code')))
    .prepare(),
);

/** Reads first: accounts exist after their first use, and a read costs less than an attempted write. */
function ensure(
  tx: Tx,
  code: string,
  kind: AccountKind,
  currency: Currency,
  extra: Partial<Account> = {},
): Account {
  const existing = accountByCode(tx).get({ code });
  if (existing) return existing;
  tx.insert(accounts)
    .values({ code, kind, currency, ...extra })
    .onConflictDoNothing({ target: accounts.code })
    .run();
  const account = accountByCode(tx).get({ code });
  if (!account) throw new Error(`Account ${code} could not be created`);
  return account;
}

export const fundingAccount = (tx: Tx, c: Currency) =>
  ensure(tx, systemCodes.funding(c), 'funding_source', c);
export const clearingAccount = (tx: Tx, c: Currency) =>
  ensure(tx, systemCodes.clearing(c), 'clearing', c);
export const commissionAccount = (tx: Tx, c: Currency) =>
  ensure(tx, systemCodes.commission(c), 'commission_income', c);
/** The provider's float, in its descriptor's currency (a test may pass its own provider list). */
export function floatAccount(
  tx: Tx,
  provider: string,
  providers: ProviderRegistry = registry,
): Account {
  const currency = providers.find(provider)?.currency;
  if (!currency) throw new Error(`Unknown provider ${provider}`);
  return ensure(tx, systemCodes.float(provider), 'provider_float', currency, { provider });
}

/** The platform's loss on deliveries it did not charge anyone for: shown in reconciliation. */
export const writeOffAccount = (tx: Tx, c: Currency) =>
  ensure(tx, systemCodes.writeOff(c), 'write_off', c);
/** What one agent owes the platform; negative while a debt is open. Not a wallet: no user_id (one wallet per user and currency). */
export const receivableAccount = (tx: Tx, agentId: number, c: Currency) =>
  ensure(tx, systemCodes.receivable(agentId, c), 'agent_receivable', c);

export function walletAccount(tx: Tx, userId: number, currency: Currency): Account {
  return ensure(tx, `wallet:${userId}:${currency}`, 'wallet', currency, { userId });
}

export function findWallet(tx: Tx, userId: number, currency: Currency): Account | undefined {
  return tx
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.userId, userId),
        eq(accounts.currency, currency),
        eq(accounts.kind, 'wallet'),
      ),
    )
    .get();
}

// Read on every agent page (the header's balance).
const walletsOf = prepared((db) =>
  db
    .select()
    .from(accounts)
    .where(and(eq(accounts.userId, sql.placeholder('userId')), eq(accounts.kind, 'wallet')))
    .orderBy(desc(accounts.currency)) // NGN before INR: most agents sell in Nigeria
    .prepare(),
);

export function listWallets(tx: Tx, userId: number): Account[] {
  return walletsOf(tx).all({ userId });
}
