// One reference format (docs/providers/README.md#reference-format): YYYYMMDDHHmm in Africa/Lagos + 8 random chars = 20 chars.
// VTpass request_id, RK (alnum), CWG (alnum) take 8 base36 chars after the stamp.
// JoNet's customer_id (12–20 chars, Lagos-time prefix) may only be followed by a numeric string, so
// JoNet's 8 random chars are digits (its descriptor's `referenceSuffix`).
import { registry } from './registry';

import { lagosInstant, lagosParts } from '../time/lagos';

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const SUFFIX_LENGTH = 8;
const DIGIT_SUFFIX: ReadonlySet<string> = new Set(
  registry.descriptors.filter((p) => p.referenceSuffix === 'digits').map((p) => p.id),
);

export type RandomSource = Pick<Crypto, 'getRandomValues'>;
/** A fresh reference for a call to `provider` (its suffix alphabet depends on the provider). */
export type NewReference = (provider?: string) => string;

/** YYYYMMDDHHmm of `date` in Lagos time (never the host's time zone). */
export function lagosStamp(date: Date): string {
  const l = lagosParts(date.getTime());
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return pad(l.year, 4) + pad(l.month) + pad(l.day) + pad(l.hour) + pad(l.minute);
}

/** The UTC instant a Lagos YYYYMMDDHHmm stamp names, or undefined when it is not a real date/time. */
export function parseLagosStamp(stamp: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(lagosInstant(y, mo, d, h, mi));
  return lagosStamp(date) === stamp ? date : undefined; // rejects 20250231…, hour 24, etc.
}

/** True when the first 12 chars are a real Lagos stamp within `toleranceMinutes` of `now`. */
export function isValidLagosReference(ref: string, now: Date, toleranceMinutes: number): boolean {
  if (ref.length < 12) return false;
  const at = parseLagosStamp(ref.slice(0, 12));
  if (!at) return false;
  // The stamp has minute resolution, so "now" may be up to 59.999 s past the stamped minute.
  const diffMs = now.getTime() - at.getTime();
  return diffMs >= -toleranceMinutes * 60_000 && diffMs < (toleranceMinutes + 1) * 60_000;
}

export function createReferenceGenerator(
  now: () => Date = () => new Date(),
  random: RandomSource = crypto,
): NewReference {
  // Digits leave 10^8 suffixes a minute: random draws would repeat within a busy minute (a birthday
  // collision is likely by ~10,000 draws). So digit suffixes (JoNet's) count up from a random start:
  // never repeated by one generator, and two processes' runs overlap only if their starts nearly meet.
  let digitNext = Number(randomChars(random, DIGITS, SUFFIX_LENGTH));
  const digitSuffix = () => String(digitNext++ % DIGIT_SUFFIXES).padStart(SUFFIX_LENGTH, '0');
  return (provider) =>
    lagosStamp(now()) +
    (provider && DIGIT_SUFFIX.has(provider)
      ? digitSuffix()
      : randomChars(random, BASE36, SUFFIX_LENGTH));
}

const DIGIT_SUFFIXES = 10 ** SUFFIX_LENGTH;

function randomChars(random: RandomSource, alphabet: string, length: number): string {
  // Rejecting bytes at or above the largest multiple of the alphabet size keeps every char equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = random.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}
