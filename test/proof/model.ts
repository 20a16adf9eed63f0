// The model side of the model-based ledger test: what the wallet and every sale should look like. Its
// expectations come from two published sources only, never from the purchase code or the adapters' tables:
//   - what each provider answers for each magic ending (the simulator's table), written below as the
//     providers' own wire answers, and
//   - what each such answer decides (the documents' decision table, ./oracle/provider-decisions.ts),
// played through the money rules: reserve, settle once, ambiguity holds the money, a definite failure
// after processing refunds, "not processed" fails over along the route, NOT_FOUND refunds only after the
// grace period and two answers in a row, a reversal after a settle refunds once.
import type { PurchaseStatus } from '@/db/schema';
import {
  PROVIDER_DECISIONS,
  type Decision,
  type OracleProvider,
} from './oracle/provider-decisions';

export type Magic =
  '00' | '51' | '52' | '53' | '54' | '55' | '56' | '57' | '58' | '59' | '60' | '61' | '62';
export const MAGICS: Magic[] = [
  '00',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '59',
  '60',
  '61',
  '62',
];

export const SCENARIO_NAME: Record<Magic, string> = {
  '00': 'success',
  '51': 'pending→success',
  '52': 'pending→failed',
  '53': 'hang',
  '54': 'reset',
  '55': 'garbage',
  '56': 'duplicate',
  '57': 'late-reversal',
  '58': 'pending-forever',
  '59': 'failed',
  '60': 'not-processed',
  '61': 'truncated-json',
  '62': 'failed→delivered',
};

type Transport = 'timeout' | 'reset';
/** The simulator's first answer per magic ending, in each provider's wire notation (the oracle's). */
const FIRST_ANSWER: Record<Magic, Record<OracleProvider, string> | Transport> = {
  '00': {
    jonet: '200',
    vtpass: '000/delivered',
    cwg: 'status=SUCCESSFUL',
    rechargekit: 'error=0,status=1',
  },
  '51': {
    jonet: '201',
    vtpass: '000/initiated',
    cwg: 'status=PENDING',
    rechargekit: 'error=0,status=2',
  },
  '52': {
    jonet: '201',
    vtpass: '000/initiated',
    cwg: 'status=PENDING',
    rechargekit: 'error=0,status=2',
  },
  '53': 'timeout',
  '54': 'reset',
  '55': {
    jonet: 'garbage-500',
    vtpass: 'garbage-500',
    cwg: 'garbage-500',
    rechargekit: 'garbage-500',
  },
  '56': {
    jonet: 'JO105',
    vtpass: '014',
    cwg: 'error=DUPLICATE_REFERENCE',
    rechargekit: 'error=1,msg=Duplicate order, Order ID must be unique',
  },
  '57': {
    jonet: '200',
    vtpass: '000/delivered',
    cwg: 'status=SUCCESSFUL',
    rechargekit: 'error=0,status=1',
  },
  '58': {
    jonet: '201',
    vtpass: '000/initiated',
    cwg: 'status=PENDING',
    rechargekit: 'error=0,status=2',
  },
  '59': { jonet: 'JO106', vtpass: '016', cwg: 'status=FAILED', rechargekit: 'error=0,status=3' },
  '60': {
    jonet: '105',
    vtpass: '091',
    cwg: 'error=VEND_NOT_PROCESSED',
    rechargekit: 'error=2,msg=Operator temporarily unavailable, please process again',
  },
  '61': {
    jonet: 'truncated-json',
    vtpass: 'truncated-json',
    cwg: 'truncated-json',
    rechargekit: 'truncated-json',
  },
  '62': { jonet: 'JO106', vtpass: '016', cwg: 'status=FAILED', rechargekit: 'error=0,status=3' },
};

/** The provider's record once the simulator's timers have run (null: nothing recorded). */
type Record_ = 'SUCCESS' | 'PENDING' | 'FAILED' | 'REVERSED' | null;
export const RECORD_LATER: Record<Magic, Record_> = {
  '00': 'SUCCESS',
  '51': 'SUCCESS',
  '52': 'FAILED',
  '53': 'SUCCESS',
  '54': null,
  '55': 'SUCCESS',
  '56': 'SUCCESS',
  '57': 'REVERSED',
  '58': 'PENDING',
  '59': 'FAILED',
  '60': null,
  '61': 'SUCCESS',
  '62': 'SUCCESS',
};

/** The provider's record right after the first answer, before any timer (the simulator's initial states). */
export const RECORD_FIRST: Record<Magic, Record_> = {
  '00': 'SUCCESS',
  '51': 'PENDING',
  '52': 'PENDING',
  '53': 'SUCCESS',
  '54': null,
  '55': 'SUCCESS',
  '56': 'SUCCESS',
  '57': 'SUCCESS',
  '58': 'PENDING',
  '59': 'FAILED',
  '60': null,
  '61': 'SUCCESS',
  '62': 'FAILED',
};

/** What a status query answers for a record, in the oracle's notation. */
const REQUERY_ANSWER: Record<
  OracleProvider,
  Record<'SUCCESS' | 'PENDING' | 'FAILED' | 'REVERSED' | 'NONE', string>
> = {
  jonet: {
    SUCCESS: '200/Successful',
    PENDING: 'JO119',
    FAILED: 'JO106',
    REVERSED: '200/Reversed',
    NONE: 'JO110',
  },
  vtpass: {
    SUCCESS: '000/delivered',
    PENDING: '000/pending',
    FAILED: '016',
    REVERSED: '000/reversed',
    NONE: '015',
  },
  cwg: {
    SUCCESS: 'status=SUCCESSFUL',
    PENDING: 'status=PENDING',
    FAILED: 'status=FAILED',
    REVERSED: 'status=REVERSED',
    NONE: 'error=TRANSACTION_NOT_FOUND',
  },
  rechargekit: {
    SUCCESS: 'error=0,status=1',
    PENDING: 'error=0,status=2',
    FAILED: 'error=0,status=3',
    REVERSED: 'error=0,status=3,msg=Refunded',
    NONE: 'error=3,msg=Order not found',
  },
};

function oracle(provider: OracleProvider, answer: string, kind: 'purchase' | 'requery'): Decision {
  const row = PROVIDER_DECISIONS.find((r) => r.provider === provider && r.answer === answer);
  if (!row) throw new Error(`the decision table has no row for ${provider} ${answer}`);
  const decision = kind === 'purchase' ? row.purchase : (row.requery ?? 'pending');
  if (!decision) throw new Error(`${provider} ${answer} is not a purchase answer`);
  return decision;
}

/** A transport failure (no answer, reset) is ambiguity, never failure (docs/providers/README.md#common-rules): pending. */
export const purchaseDecision = (magic: Magic, provider: OracleProvider): Decision => {
  const a = FIRST_ANSWER[magic];
  return typeof a === 'string' ? 'pending' : oracle(provider, a[provider], 'purchase');
};
export const requeryDecision = (
  magic: Magic,
  provider: OracleProvider,
  record: Record<Magic, Record_> = RECORD_LATER,
): Decision => oracle(provider, REQUERY_ANSWER[provider][record[magic] ?? 'NONE'], 'requery');

export type Money = 'held' | 'settled' | 'refunded' | 'reversed';
/** While money is held the portal shows PENDING or UNKNOWN; which one is presentation, both are "open". */
export type ModelStatus = PurchaseStatus | 'OPEN';

export interface ModelSale {
  key: string;
  phone: string;
  face: number;
  cost: number;
  magic: Magic;
  money: Money;
  status: ModelStatus;
  createdAt: number;
  notFound: number;
  route: OracleProvider[];
  productId: number;
  /** Index in the route of the attempt that speaks for the sale now. */
  step: number;
  /** The current attempt's answer asked for a confirming requery before a refund or a failover. */
  awaiting: 'refund' | 'failover' | null;
  /** When the current attempt's next requery is due, and how many it has had (the documents' schedule). */
  nextAt: number;
  tries: number;
  /** When a callback last made us requery this sale (model clock). */
  lastCallbackAt?: number;
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
  clock,
  graceMs,
  funded: 0,
  sales: [],
  fundings: [],
  callbackBodies: new Set(),
  nextKey: 0,
});

/** Posted wallet balance: funding, less every sale whose money is held or settled. */
export function walletBalance(m: Model): number {
  return (
    m.funded -
    m.sales
      .filter((s) => s.money === 'held' || s.money === 'settled')
      .reduce((a, s) => a + s.cost, 0)
  );
}

export const reservedTotal = (m: Model) =>
  m.sales.filter((s) => s.money === 'held').reduce((a, s) => a + s.cost, 0);

const settle = (s: ModelSale) =>
  Object.assign(s, { money: 'settled', status: 'SUCCESS', awaiting: null });
const refund = (s: ModelSale, status: 'FAILED' | 'REVERSED' = 'FAILED') =>
  Object.assign(s, { money: 'refunded', status, awaiting: null });

/**
 * The sale's own call at route step `step`: the decision of that provider's answer, failing over along the
 * route on "not processed" (a NEW attempt at the next provider, which answers the same magic ending).
 */
export function applyPurchase(sale: ModelSale, step = 0): void {
  sale.step = step;
  sale.notFound = 0;
  sale.awaiting = null;
  const decision = purchaseDecision(sale.magic, sale.route[step]!);
  switch (decision) {
    case 'success':
      settle(sale);
      return;
    case 'refund':
      refund(sale);
      return;
    case 'reversed':
      refund(sale, 'REVERSED');
      return;
    case 'failover':
      if (step + 1 < sale.route.length) return applyPurchase(sale, step + 1);
      refund(sale); // the route is exhausted
      return;
    case 'refund-after-confirm':
      Object.assign(sale, { money: 'held', status: 'OPEN', awaiting: 'refund' });
      return;
    case 'failover-after-confirm':
      // The sale's own call asks at once (the engine's choice of timing; the rule is only "after a requery"):
      // confirmed never received, it fails over now; any other answer waits for the requery worker.
      if (requeryDecision(sale.magic, sale.route[step]!, RECORD_FIRST) === 'not-found') {
        if (step + 1 < sale.route.length) return applyPurchase(sale, step + 1);
        refund(sale);
        return;
      }
      Object.assign(sale, { money: 'held', status: 'OPEN', awaiting: 'failover' });
      return;
    case 'manual-review':
      Object.assign(sale, { money: 'held', status: 'MANUAL_REVIEW' });
      return;
    default: // pending, duplicate, not-found on a purchase answer: ask again later
      Object.assign(sale, { money: 'held', status: 'OPEN' });
  }
}

/** One status query of the sale's current attempt (requery tick, or a callback's requery) once timers ran. */
export function applyRequery(m: Model, sale: ModelSale): void {
  const decision = requeryDecision(sale.magic, sale.route[sale.step]!);
  if (sale.money !== 'held') {
    // After a resolution only a reversal of a settled sale moves money, once; a late success moves nothing.
    if (decision === 'reversed' && sale.money === 'settled')
      Object.assign(sale, { money: 'reversed', status: 'REVERSED' });
    return;
  }
  switch (decision) {
    case 'success':
      settle(sale);
      return;
    case 'refund':
    case 'refund-after-confirm':
      refund(sale);
      return;
    case 'reversed':
      refund(sale, 'REVERSED');
      return;
    case 'manual-review':
      sale.status = 'MANUAL_REVIEW';
      return;
    case 'not-found':
      if (sale.awaiting === 'failover') {
        // Confirmed never received: only now is it safe to send it to the next provider.
        if (sale.step + 1 < sale.route.length) return applyPurchase(sale, sale.step + 1);
        refund(sale);
        return;
      }
      if (sale.awaiting === 'refund') {
        refund(sale); // the confirming requery says it failed or was never seen
        return;
      }
      // Two NOT_FOUND answers for this attempt, both after the grace period: only then was it never received.
      if (m.clock - sale.createdAt >= m.graceMs) sale.notFound += 1;
      if (sale.notFound >= 2) refund(sale);
      else sale.status = 'OPEN';
      return;
    default:
      sale.notFound = 0;
      sale.status = sale.status === 'MANUAL_REVIEW' ? 'MANUAL_REVIEW' : 'OPEN';
  }
}
