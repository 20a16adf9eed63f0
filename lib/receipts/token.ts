import { createHash, createHmac, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/*
 * A receipt link carries a token of 24 random bytes (192 bits), base64url: 32 characters. Only its
 * SHA-256 is stored, so a leaked database opens no receipt, and the token cannot be shown twice: each
 * "share" issues a new link, and every link of a sale stays valid until the agent revokes them.
 *
 * Links shared before random tokens existed were derived: HMAC-SHA256(RECEIPT_KEY,
 * "receipt:v1:<purchaseId>") cut to 32 characters, their hash kept on the purchase row. They keep
 * opening while RECEIPT_KEY is configured and unchanged, until revoked; none are issued any more.
 */
export const RECEIPT_TOKEN_LENGTH = 32;
const RANDOM_BYTES = 24;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export function newReceiptToken(): string {
  return randomBytes(RANDOM_BYTES).toString('base64url');
}

/** The token a link issued under the old scheme carries; null when no receipt key is configured. */
export function legacyReceiptToken(
  purchaseId: number,
  key: string | undefined = env.RECEIPT_KEY,
): string | null {
  if (!key) return null;
  return createHmac('sha256', key)
    .update(`receipt:v1:${purchaseId}`)
    .digest('base64url')
    .slice(0, RECEIPT_TOKEN_LENGTH);
}

export function hashReceiptToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Only the shape: a well-formed token may still open nothing. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export function receiptPathFor(token: string): string {
  return `/r/${token}`;
}

/** The absolute link to share; `origin` defaults to the portal's public address. */
export function receiptUrlFor(token: string, origin: string = env.PORTAL_URL): string {
  return new URL(receiptPathFor(token), origin).toString();
}
