import { createHash, createHmac } from 'node:crypto';
import { env } from '@/lib/env';

/*
 * Why a derived token and not a random one stored in full:
 * the agent must be able to fetch the same link again (sale result now, history next week), yet the
 * database may hold only a hash of it. A random token would have to be kept somewhere readable to
 * be shown twice. So the token is HMAC-SHA256(RECEIPT_KEY, "receipt:v1:<purchaseId>"), base64url,
 * cut to 32 characters (192 bits). Without the key, which lives only in the environment, a token is
 * indistinguishable from random: it cannot be guessed from the id, and one sale's token says nothing
 * about another's. The database stores sha256(token) only, so a leaked database opens no receipt.
 * The "v1" label lets a later scheme live beside this one; rotating RECEIPT_KEY revokes every link
 * (the agent's next "share" re-issues a fresh one for that sale).
 */
export const RECEIPT_TOKEN_LENGTH = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export function deriveReceiptToken(purchaseId: number, key: string = env.RECEIPT_KEY): string {
  return createHmac('sha256', key).update(`receipt:v1:${purchaseId}`).digest('base64url').slice(0, RECEIPT_TOKEN_LENGTH);
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
