// Exact conversions between integer minor units (kobo/paise) and the decimal units providers speak.
// Kept local to the provider layer (lib/money.ts belongs to another workstream); no float arithmetic on money.

const DECIMAL = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/;

/**
 * Parses a decimal amount in major units ("1234.50", 1234.5, "100") into minor units (123450).
 * Returns undefined for anything that is not a plain decimal or has more than 2 significant decimals.
 */
export function decimalToMinor(value: string | number): number | undefined {
  const text = typeof value === 'number' ? numberToPlainString(value) : value;
  if (text === undefined) return undefined;
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign, whole = '', frac = ''] = m;
  if (frac.replace(/0+$/, '').length > 2) return undefined;
  const minor = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(minor)) return undefined;
  return sign ? -minor : minor;
}

function numberToPlainString(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  // JSON numbers print in shortest round-trip form (1234.5 -> "1234.5"); exponent form is refused.
  const s = String(n);
  return /e/i.test(s) ? undefined : s;
}

/** 123450 -> "1234.50"; 100000 -> "1000" (trailing ".00" dropped when whole). */
export function minorToDecimalString(minor: number): string {
  assertMinor(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, '0')}`;
}

/** Minor units as a JSON number in major units: 123450 -> 1234.5 (shortest form, exact for 2 decimals). */
export function minorToMajorNumber(minor: number): number {
  return Number(minorToDecimalString(minor));
}

/** Whole major units, or undefined when the amount has a fractional part (CWG amountPaid is whole naira). */
export function minorToWholeMajor(minor: number): number | undefined {
  assertMinor(minor);
  return minor % 100 === 0 ? minor / 100 : undefined;
}

function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount must be an integer in minor units, got ${minor}`);
}
