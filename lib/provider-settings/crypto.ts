import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function keyFrom(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) throw new Error('CREDENTIALS_KEY must be 32 bytes, base64-encoded');
  return key;
}

/** Binds the ciphertext to its place: a secret copied onto another provider or field fails to open. */
const aad = (provider: string, field: string) =>
  Buffer.from(`provider-credential:${provider}:${field}`);

/** nonce ‖ tag ‖ ciphertext, base64. A fresh random nonce every time. */
export function encryptCredential(
  base64Key: string,
  provider: string,
  field: string,
  plaintext: string,
): string {
  return seal(base64Key, aad(provider, field), plaintext);
}

export function decryptCredential(
  base64Key: string,
  provider: string,
  field: string,
  sealed: string,
): string {
  return unseal(base64Key, aad(provider, field), sealed);
}

/** AES-256-GCM under the credentials key, bound to `context` (additional data): other secrets at rest use it too. */
export function seal(base64Key: string, context: Buffer, plaintext: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyFrom(base64Key), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(context);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal(base64Key: string, context: Buffer, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new Error('Credential ciphertext is truncated');
  const nonce = raw.subarray(0, NONCE_BYTES);
  const tag = raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, keyFrom(base64Key), nonce, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(context);
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
