import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O or U to misread on paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHARS = 24; // 24 × 5 bits = 120 random bits: enough that a plain SHA-256 is a safe way to keep it

/** "ABCD-EFGH-…" (six groups of four). */
export function newRecoveryCode(): string {
  const bytes = randomBytes(CHARS);
  let code = '';
  for (let i = 0; i < CHARS; i += 1) code += ALPHABET[bytes[i]! & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** What people type: any case, with or without dashes and spaces; O and I/L read as 0 and 1. */
export function normaliseRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(input)).digest('hex');
}

/** Shaped like a recovery code (so the verify form can tell it from a 6-digit code). */
export function looksLikeRecoveryCode(input: string): boolean {
  return normaliseRecoveryCode(input).length === CHARS;
}
