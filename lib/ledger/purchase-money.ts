import { eq, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import { written } from '@/db/query';
import { accounts, purchaseResolutions, purchaseReversals } from '@/db/schema';
import type { Currency } from '@/lib/money';
import {
  clearingAccount,
  commissionAccount,
  floatAccount,
  lockAccounts,
  walletAccount,
  type Account,
} from './accounts';
import type { Tx } from '@/db/transaction';
import { post } from './post';

/**
 * The money side of a sale. The agent's cost moves from the wallet to clearing when the sale opens
 * (and the wallet's `reserved` shows it is held), then leaves clearing exactly once: to the provider
 * float and commission income on success, or back to the wallet on a definite failure.
 */
export interface SaleMoney {
  purchaseId: number;
  agentId: number;
  currency: Currency;
  agentCostMinor: number;
  now: number;
}

const p = sql.placeholder;

const adjustReservedBy = prepared((db) =>
  db
    .update(accounts)
    .set({ reserved: sql`${accounts.reserved} + ${p('delta')}` })
    .where(eq(accounts.id, p('id'))),
);

async function adjustReserved(tx: Tx, walletId: number, delta: number): Promise<void> {
  await adjustReservedBy(tx).run({ id: walletId, delta });
}

const insertResolution = prepared((db) =>
  db
    .insert(purchaseResolutions)
    .values({
      purchaseId: p('purchaseId'),
      outcome: p('outcome'),
      resolvedBy: p('resolvedBy'),
      reason: p('reason'),
      at: p('at'),
    })
    .onConflictDoNothing(),
);

/** Throws LedgerError INSUFFICIENT_FUNDS when the wallet cannot pay; the caller's transaction rolls back. */
export async function reserve(tx: Tx, sale: SaleMoney, memo: string): Promise<void> {
  const wallet = await walletAccount(tx, sale.agentId, sale.currency);
  await post(tx, {
    from: wallet,
    to: await clearingAccount(tx, sale.currency),
    amount: sale.agentCostMinor,
    kind: 'reserve',
    idempotencyKey: `purchase:${sale.purchaseId}:reserve`,
    purchaseId: sale.purchaseId,
    memo,
    now: sale.now,
  });
  await adjustReserved(tx, wallet.id, sale.agentCostMinor);
}

/** Claims the single resolution (I4). Returns false when another writer resolved it first. */
async function claimResolution(
  tx: Tx,
  sale: SaleMoney,
  outcome: 'settled' | 'refunded',
  by: string,
  reason?: string,
) {
  const claimed = await insertResolution(tx).run({
    purchaseId: sale.purchaseId,
    outcome,
    resolvedBy: by,
    reason: reason ?? null,
    at: sale.now,
  });
  return claimed === 1;
}

type Kind = 'settle_cost' | 'settle_margin' | 'refund' | 'reversal';

/** One leg of a sale's money, keyed by the purchase so a retry of the same leg is a no-op. */
async function leg(
  tx: Tx,
  sale: SaleMoney,
  from: Account,
  to: Account,
  amount: number,
  kind: Kind,
  key: string,
  memo: string,
) {
  if (amount === 0) return;
  await post(tx, {
    from,
    to,
    amount,
    kind,
    idempotencyKey: `purchase:${sale.purchaseId}:${key}`,
    purchaseId: sale.purchaseId,
    memo,
    now: sale.now,
  });
}

export async function settle(
  tx: Tx,
  sale: SaleMoney,
  provider: string,
  providerCostMinor: number,
  by: string,
): Promise<boolean> {
  if (!(await claimResolution(tx, sale, 'settled', by))) return false;
  const wallet = await walletAccount(tx, sale.agentId, sale.currency);
  const clearing = await clearingAccount(tx, sale.currency);
  const commission = await commissionAccount(tx, sale.currency);
  const float = await floatAccount(tx, provider);
  await lockAccounts(tx, wallet, clearing, commission, float);
  await adjustReserved(tx, wallet.id, -sale.agentCostMinor);
  const margin = sale.agentCostMinor - providerCostMinor;
  // Selling below provider cost (a promotion): commission income funds the gap first.
  if (margin < 0)
    await leg(
      tx,
      sale,
      commission,
      clearing,
      -margin,
      'settle_margin',
      'margin',
      'Margin shortfall',
    );
  await leg(
    tx,
    sale,
    clearing,
    float,
    providerCostMinor,
    'settle_cost',
    'cost',
    `Paid to ${provider}`,
  );
  if (margin > 0)
    await leg(tx, sale, clearing, commission, margin, 'settle_margin', 'margin', 'Margin');
  return true;
}

export async function refund(
  tx: Tx,
  sale: SaleMoney,
  by: string,
  reason: string,
): Promise<boolean> {
  if (!(await claimResolution(tx, sale, 'refunded', by, reason))) return false;
  const wallet = await walletAccount(tx, sale.agentId, sale.currency);
  const clearing = await clearingAccount(tx, sale.currency);
  await lockAccounts(tx, wallet, clearing);
  await adjustReserved(tx, wallet.id, -sale.agentCostMinor);
  // The agent reads the memo in their statement; the provider's technical reason stays on the resolution.
  await leg(
    tx,
    sale,
    clearing,
    wallet,
    sale.agentCostMinor,
    'refund',
    'refund',
    'Refund: the sale was not delivered',
  );
  return true;
}

/** A reversal after success: the provider and our margin give the agent's cost back, once. */
export async function reverseSettled(
  tx: Tx,
  sale: SaleMoney,
  provider: string,
  providerCostMinor: number,
  by: string,
): Promise<boolean> {
  const claimed = await written(
    tx
      .insert(purchaseReversals)
      .values({ purchaseId: sale.purchaseId, resolvedBy: by, at: sale.now })
      .onConflictDoNothing(),
  );
  if (claimed !== 1) return false;
  const wallet = await walletAccount(tx, sale.agentId, sale.currency);
  const clearing = await clearingAccount(tx, sale.currency);
  const commission = await commissionAccount(tx, sale.currency);
  const float = await floatAccount(tx, provider);
  await lockAccounts(tx, wallet, clearing, commission, float);
  const margin = sale.agentCostMinor - providerCostMinor;
  // Each leg passes through clearing, mirroring the settlement in reverse.
  await leg(
    tx,
    sale,
    float,
    clearing,
    providerCostMinor,
    'reversal',
    'reversal:cost',
    `Reversed by ${provider}`,
  );
  if (margin > 0)
    await leg(
      tx,
      sale,
      commission,
      clearing,
      margin,
      'reversal',
      'reversal:margin',
      'Margin returned',
    );
  if (margin < 0)
    await leg(
      tx,
      sale,
      clearing,
      commission,
      -margin,
      'reversal',
      'reversal:margin',
      'Margin shortfall returned',
    );
  await leg(
    tx,
    sale,
    clearing,
    wallet,
    sale.agentCostMinor,
    'reversal',
    'reversal:wallet',
    'Reversal refund',
  );
  return true;
}
