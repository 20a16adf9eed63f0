import type { Currency } from '@/lib/money';
import {
  commissionAccount,
  floatAccount,
  fundingAccount,
  lockAccounts,
  receivableAccount,
  walletAccount,
  writeOffAccount,
  type Account,
} from './accounts';
import type { Tx } from '@/db/transaction';
import { post } from './post';

/**
 * The money side of a delivery that came after the sale was resolved (a refund, or a settlement
 * through another provider). The provider spent its float either way, so its float account is
 * charged the provider's cost exactly as a settlement would be. Who pays for it is the admin's call:
 * the agent (recovery: the agent owes the agent's cost, taken from the wallet as far as it can pay,
 * the rest kept as a debt that the next funding clears) or the platform (write-off).
 * Each leg is keyed by the late delivery, so a retry posts nothing twice.
 */
export interface LateMoney {
  lateDeliveryId: number;
  agentId: number;
  currency: Currency;
  provider: string;
  providerCostMinor: number;
  agentCostMinor: number;
  now: number;
}

async function leg(
  tx: Tx,
  m: LateMoney,
  from: Account,
  to: Account,
  amount: number,
  kind: 'settle_cost' | 'settle_margin' | 'recovery',
  key: string,
  memo: string,
) {
  if (amount <= 0) return;
  await post(tx, {
    from,
    to,
    amount,
    kind,
    idempotencyKey: `late:${m.lateDeliveryId}:${key}`,
    reference: `late-delivery:${m.lateDeliveryId}`,
    memo,
    now: m.now,
  });
}

/** Charges the agent the agent's cost. Returns what the wallet paid now and what is left as debt. */
export async function recoverFromAgent(
  tx: Tx,
  m: LateMoney,
  createdBy?: number,
): Promise<{ recoveredMinor: number; debtMinor: number }> {
  const receivable = await receivableAccount(tx, m.agentId, m.currency);
  const commission = await commissionAccount(tx, m.currency);
  const float = await floatAccount(tx, m.provider);
  await lockAccounts(
    tx,
    receivable,
    commission,
    float,
    await walletAccount(tx, m.agentId, m.currency),
  );
  const margin = m.agentCostMinor - m.providerCostMinor;
  await leg(
    tx,
    m,
    receivable,
    float,
    m.providerCostMinor,
    'settle_cost',
    'cost',
    `Delivered late by ${m.provider}`,
  );
  if (margin > 0)
    await leg(
      tx,
      m,
      receivable,
      commission,
      margin,
      'settle_margin',
      'margin',
      'Margin on a late delivery',
    );
  if (margin < 0)
    await leg(
      tx,
      m,
      commission,
      receivable,
      -margin,
      'settle_margin',
      'margin',
      'Margin shortfall on a late delivery',
    );
  const wallet = await walletAccount(tx, m.agentId, m.currency); // read under its lock: current
  // Never an overdraft: the wallet pays what it holds, the rest waits for the next funding.
  const recoveredMinor = Math.min(wallet.balance, m.agentCostMinor);
  if (recoveredMinor > 0) {
    await post(tx, {
      from: wallet,
      to: receivable,
      amount: recoveredMinor,
      kind: 'recovery',
      idempotencyKey: `late:${m.lateDeliveryId}:recovery`,
      reference: `late-delivery:${m.lateDeliveryId}`,
      memo: 'Recovered: a refunded sale was delivered after all',
      createdBy,
      now: m.now,
    });
  }
  return { recoveredMinor, debtMinor: m.agentCostMinor - recoveredMinor };
}

/** The platform absorbs the provider's cost; nobody is charged. */
export async function writeOff(tx: Tx, m: LateMoney): Promise<void> {
  await leg(
    tx,
    m,
    await writeOffAccount(tx, m.currency),
    await floatAccount(tx, m.provider),
    m.providerCostMinor,
    'settle_cost',
    'cost',
    `Written off: delivered late by ${m.provider}`,
  );
}

/** What the agent still owes in this currency (0 when nothing). */
export async function agentDebt(tx: Tx, agentId: number, currency: Currency): Promise<number> {
  return Math.max(0, -(await receivableAccount(tx, agentId, currency)).balance);
}

/**
 * Locks what a credit to the wallet and the debt collection after it touch (funding, wallet and the
 * agent's receivable), in the ledger's lock order, before the credit posts.
 */
export async function lockForCredit(
  tx: Tx,
  agentId: number,
  currency: Currency,
): Promise<{ source: Account; wallet: Account }> {
  const source = await fundingAccount(tx, currency);
  const wallet = await walletAccount(tx, agentId, currency);
  await lockAccounts(tx, source, wallet, await receivableAccount(tx, agentId, currency));
  return { source, wallet };
}

/**
 * Right after a credit (lockForCredit first): the agent's open debt is taken from the wallet first, as far as the wallet
 * can pay. `key` names the credit, so a replayed funding takes nothing twice.
 */
export async function collectDebt(
  tx: Tx,
  agentId: number,
  currency: Currency,
  key: string,
  now: number,
): Promise<number> {
  const owed = await agentDebt(tx, agentId, currency);
  if (owed === 0) return 0;
  const wallet = await walletAccount(tx, agentId, currency);
  const amount = Math.min(owed, wallet.balance);
  if (amount <= 0) return 0;
  await post(tx, {
    from: wallet,
    to: await receivableAccount(tx, agentId, currency),
    amount,
    kind: 'recovery',
    idempotencyKey: `debt:${key}`,
    reference: key,
    memo: 'Debt repaid from this funding',
    now,
  });
  return amount;
}
