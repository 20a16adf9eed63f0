/**
 * Money is an integer count of minor units (kobo, paise) with its currency beside it. No floats.
 * This file is the only place that converts between minor units and decimal text or numbers, and
 * the only place that rounds a share of an amount.
 */
export type Currency = 'NGN' | 'INR';

export const CURRENCIES: readonly Currency[] = ['NGN', 'INR'];

const SYMBOLS: Record<Currency, string> = { NGN: '₦', INR: '₹' };

// ---------------------------------------------------------------------------------------------
// Decimal → minor: one parser.

export type MinorParse = { ok: true; minor: number } | { ok: false; refusal: string };

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The one decimal parser: "1234.50", "100", 1234.5 → minor units. Strict: digits, an optional point
 * and at most two significant decimals ("1.230" is 1.23; "1.234" is refused). Refuses signs,
 * exponents, grouping, symbols, empty text and anything beyond a safe integer of minor units.
 */
export function parseDecimalToMinor(value: string | number): MinorParse {
  // A JSON number prints in its shortest round-trip form (1234.5 → "1234.5"); exponent form is refused.
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return { ok: false, refusal: `not a plain decimal amount: "${text}"` };
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > 2)
    return { ok: false, refusal: 'more than two decimal places' };
  // BigInt keeps the overflow check exact: a float product past 2^53 could round back into range.
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  if (sign && minor !== 0n) return { ok: false, refusal: 'a negative amount' };
  if (minor > MAX_MINOR) return { ok: false, refusal: 'too large an amount' };
  return { ok: true, minor: Number(minor) };
}

/** The amount, or undefined when refused: for provider answers, where a refused amount reads as unknown. */
export function minorOrUndefined(parse: MinorParse): number | undefined {
  return parse.ok ? parse.minor : undefined;
}

/** What people type ("₦1,250.5", " 500 "): the symbol, spaces and grouping commas go, then the one parser. */
export function parseTypedAmount(input: string): MinorParse {
  return parseDecimalToMinor(input.replace(/[₦₹,\s]/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Minor → text or numbers: one function per format, named for what it produces.

function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`amount must be an integer in minor units, got ${minor}`);
}

function split(minor: number): { sign: string; whole: number; cents: string } {
  assertMinor(minor);
  const abs = Math.abs(minor);
  return {
    sign: minor < 0 ? '-' : '',
    whole: Math.floor(abs / 100),
    cents: String(abs % 100).padStart(2, '0'),
  };
}

// One formatter for the process: toLocaleString would build a new one on every call.
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** For people: 125050 → "₦1,250.50"; a negative amount keeps its sign in front of the symbol. */
export function formatMoney(minor: number, currency: Currency): string {
  const { sign, whole, cents } = split(minor);
  return `${sign}${SYMBOLS[currency]}${GROUPED.format(whole)}.${cents}`;
}

/** Always two decimals, no grouping: 100000 → "1000.00" (CSV exports, form defaults). */
export function minorToDecimal2(minor: number): string {
  const { sign, whole, cents } = split(minor);
  return `${sign}${whole}.${cents}`;
}

/** Whole units when there are no cents, else two decimals: 100000 → "1000", 100050 → "1000.50" (JoNet). */
export function minorToWholeOrDecimal2(minor: number): string {
  const { sign, whole, cents } = split(minor);
  return cents === '00' ? `${sign}${whole}` : `${sign}${whole}.${cents}`;
}

/** A JSON number of major units: 123450 → 1234.5 (exact: a 2-decimal value prints back unchanged). */
export function minorToMajorNumber(minor: number): number {
  return Number(minorToWholeOrDecimal2(minor));
}

/** Whole major units as a number (100000 → 1000), or undefined when there are cents (CWG's whole naira). */
export function minorToWholeUnits(minor: number): number | undefined {
  assertMinor(minor);
  return minor % 100 === 0 ? minor / 100 : undefined;
}

/** A whole number of major units within the range: the amounts airtime and electricity are sold in. */
export function isWholeAmountWithin(
  amountMinor: number | null | undefined,
  range: { minMinor: number; maxMinor: number },
): amountMinor is number {
  return (
    amountMinor != null &&
    amountMinor >= range.minMinor &&
    amountMinor <= range.maxMinor &&
    amountMinor % 100 === 0
  );
}

// ---------------------------------------------------------------------------------------------
// Shares of an amount in basis points (1 bps = 0.01 %). Both round down (toward zero).

function floorShare(minor: number, bps: number): number {
  assertMinor(minor);
  if (minor < 0) throw new RangeError(`a share of a negative amount: ${minor}`);
  if (!Number.isSafeInteger(bps) || bps < 0) {
    throw new RangeError(`basis points must be a non-negative integer, got ${bps}`);
  }
  const product = minor * bps;
  if (!Number.isSafeInteger(product))
    throw new RangeError(`amount × basis points overflows: ${minor} × ${bps}`);
  // Exact: below 2^53 a quotient's distance to the next integer (≥ 1/10,000) exceeds half its float spacing.
  return Math.floor(product / 10_000);
}

/** The agent's commission: rounded down, so we never promise more than we hold. */
export function shareOf(minor: number, bps: number): number {
  return floorShare(minor, bps);
}

/**
 * What a provider charges for a sale at its contract rate: rounded down (the provider's discount
 * keeps the fraction), never below one minor unit. The portal settles with it and the simulator
 * draws its float down by it, so reconciliation agrees to the kobo.
 */
export function costAtBps(amountMinor: number, costBps: number): number {
  return Math.max(1, floorShare(amountMinor, costBps));
}
