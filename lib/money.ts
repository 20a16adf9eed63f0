/** Money is an integer count of minor units (kobo, paise) with its currency beside it. No floats. */
export type Currency = 'NGN' | 'INR';

export const CURRENCIES: readonly Currency[] = ['NGN', 'INR'];

const SYMBOLS: Record<Currency, string> = { NGN: '₦', INR: '₹' };

/** "1,250.5" → 125050. Returns null for anything that is not a plain non-negative amount. */
export function parseMajorToMinor(input: string): number | null {
  const cleaned = input.trim().replace(/[₦₹,\s]/g, '');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

// One formatter for the process: toLocaleString would build a new one on every call.
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 125050 → "₦1,250.50"; negative amounts keep their sign in front of the symbol. */
export function formatMoney(minor: number, currency: Currency): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Not an integer amount: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = GROUPED.format(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  return `${sign}${SYMBOLS[currency]}${whole}.${fraction}`;
}

/** Plain decimal for CSV exports: 125050 → "1250.50". */
export function minorToDecimalString(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis-point share of an amount, rounded down so we never promise more than we hold. */
export function shareOf(minor: number, bps: number): number {
  return Math.floor((minor * bps) / 10_000);
}
