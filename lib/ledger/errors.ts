import { formatMoney, type Currency } from '@/lib/money';

/** A refusal the agent can read; never a crash. */
export class LedgerError extends Error {
  constructor(
    message: string,
    readonly code: 'INSUFFICIENT_FUNDS' | 'IDEMPOTENCY_CONFLICT' | 'NOT_FOUND' | 'INVALID',
  ) {
    super(message);
  }
}

export function insufficientFunds(available: number, needed: number, currency: Currency): LedgerError {
  return new LedgerError(
    `Your wallet has ${formatMoney(available, currency)}; this sale needs ${formatMoney(needed, currency)}.`,
    'INSUFFICIENT_FUNDS',
  );
}
