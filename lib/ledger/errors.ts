import { Refusal } from '@/lib/errors';
import { formatMoney, type Currency } from '@/lib/money';

/** A ledger rule refused a movement (funds, a reused reference, a bad amount); the agent can read it. */
export class LedgerError extends Refusal {
  constructor(
    message: string,
    readonly code: 'INSUFFICIENT_FUNDS' | 'IDEMPOTENCY_CONFLICT' | 'NOT_FOUND' | 'INVALID',
  ) {
    super(message, undefined, code);
    this.name = 'LedgerError';
  }
}

export function insufficientFunds(
  available: number,
  needed: number,
  currency: Currency,
): LedgerError {
  return new LedgerError(
    `Your wallet has ${formatMoney(available, currency)}; this sale needs ${formatMoney(needed, currency)}.`,
    'INSUFFICIENT_FUNDS',
  );
}
