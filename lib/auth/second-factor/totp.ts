import { Secret, TOTP } from 'otpauth';

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
const PERIOD_S = 30;
/** Codes one step either side of now are accepted: a phone's clock may be a little off. */
export const TOTP_WINDOW_STEPS = 1;
export const ISSUER = 'Vending Portal';

function totp(secretBase32: string, label = 'account') {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** 160 random bits, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

export function totpStep(now: number): number {
  return Math.floor(now / 1000 / PERIOD_S);
}

export function totpCodeAt(secretBase32: string, step: number): string {
  return totp(secretBase32).generate({ timestamp: step * PERIOD_S * 1000 });
}

/** The step whose code this is, within the window around `now`, or null. Spaces are ignored. */
export function matchTotpStep(secretBase32: string, code: string, now: number): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secretBase32).validate({
    token: digits,
    timestamp: now,
    window: TOTP_WINDOW_STEPS,
  });
  return delta === null ? null : totpStep(now) + delta;
}
