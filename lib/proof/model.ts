// The model side of the model-based ledger test: what the wallet and every sale should look like,
// computed from the simulator's published behaviour (simulator/README.md) and the money rules
// (shared/money-and-security.md), never from the database.
import type { PurchaseStatus } from '@/db/schema';

export type Magic = '00' | '51' | '52' | '53' | '54' | '55' | '56' | '57' | '58' | '59' | '60';
export const MAGICS: Magic[] = ['00', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60'];

export const SCENARIO_NAME: Record<Magic, string> = {
  '00': 'success', '51': 'pending→success', '52': 'pending→failed', '53': 'hang', '54': 'reset', '55': 'garbage',
  '56': 'duplicate', '57': 'late-reversal', '58': 'pending-forever', '59': 'failed', '60': 'not-processed',
};

export type Money = 'held' | 'settled' | 'refunded' | 'reversed';

/** The sale's own call: what money does right after it (after failover for 59/60). */
export const FIRST: Record<Magic, { money: Money; status: PurchaseStatus }> = {
  '00': { money: 'settled', status: 'SUCCESS' },
  '51': { money: 'held', status: 'PENDING' },
  '52': { money: 'held', status: 'PENDING' },
  '53': { money: 'held', status: 'UNKNOWN' },
  '54': { money: 'held', status: 'UNKNOWN' },
  '55': { money: 'held', status: 'UNKNOWN' },
  '56': { money: 'held', status: 'PENDING' }, // duplicate-reference: requery the original, never "failed"
  '57': { money: 'settled', status: 'SUCCESS' },
  '58': { money: 'held', status: 'PENDING' },
  '59': { money: 'held', status: 'PENDING' }, // vtpass 016: refunded once the confirming requery says failed; never fails over
  '60': { money: 'refunded', status: 'FAILED' }, // "not processed" everywhere: fail over, then refund
};

/** What a requery of the sale's current attempt says once the simulator's timers have run. */
export type Answer = 'SUCCESS' | 'FAILED' | 'REVERSED' | 'PENDING' | 'NOT_FOUND';
export const LATER: Record<Magic, Answer> = {
  '00': 'SUCCESS', '51': 'SUCCESS', '52': 'FAILED', '53': 'SUCCESS', '54': 'NOT_FOUND', '55': 'SUCCESS',
  '56': 'SUCCESS', '57': 'REVERSED', '58': 'PENDING', '59': 'FAILED', '60': 'NOT_FOUND',
};

export interface ModelSale {
  key: string;
  phone: string;
  face: number;
  cost: number;
  magic: Magic;
  money: Money;
  status: PurchaseStatus;
  createdAt: number;
  notFound: number;
  /** Filled from the first answer: the model does not predict ids. */
  purchaseId: number;
}

export interface Model {
  clock: number;
  graceMs: number;
  funded: number;
  sales: ModelSale[];
  fundings: { reference: string; amount: number }[];
  callbackBodies: Set<string>;
  nextKey: number;
}

export const newModel = (clock: number, graceMs: number): Model => ({
  clock, graceMs, funded: 0, sales: [], fundings: [], callbackBodies: new Set(), nextKey: 0,
});

/** Posted wallet balance: funding, less every sale whose money is held or settled. */
export function walletBalance(m: Model): number {
  return m.funded - m.sales.filter((s) => s.money === 'held' || s.money === 'settled').reduce((a, s) => a + s.cost, 0);
}

export const reservedTotal = (m: Model) => m.sales.filter((s) => s.money === 'held').reduce((a, s) => a + s.cost, 0);

/** One provider answer reaching the single resolution path (requery, callback's requery). */
export function applyAnswer(m: Model, sale: ModelSale, answer: Answer): void {
  if (sale.money !== 'held') {
    // After a resolution only a reversal of a settled sale moves money, once.
    if (answer === 'REVERSED' && sale.money === 'settled') {
      sale.money = 'reversed';
      sale.status = 'REVERSED';
    }
    return;
  }
  switch (answer) {
    case 'SUCCESS':
      sale.money = 'settled';
      sale.status = 'SUCCESS';
      return;
    case 'FAILED':
      sale.money = 'refunded';
      sale.status = 'FAILED';
      return;
    case 'REVERSED':
      sale.money = 'refunded';
      sale.status = 'REVERSED';
      return;
    case 'PENDING':
      sale.notFound = 0;
      sale.status = 'PENDING';
      return;
    case 'NOT_FOUND':
      if (m.clock - sale.createdAt >= m.graceMs) sale.notFound += 1; // only answers after the grace period count
      if (sale.notFound >= 2) {
        sale.money = 'refunded';
        sale.status = 'FAILED';
      } else {
        sale.status = 'PENDING';
      }
  }
}
