import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptCredential, encryptCredential } from './crypto';

const key = randomBytes(32).toString('base64');

describe('credential encryption', () => {
  it('round-trips and uses a fresh nonce each time', () => {
    const a = encryptCredential(key, 'jonet', 'apiKey', 'secret-1');
    const b = encryptCredential(key, 'jonet', 'apiKey', 'secret-1');
    expect(a).not.toBe(b);
    expect(decryptCredential(key, 'jonet', 'apiKey', a)).toBe('secret-1');
  });

  it('refuses a ciphertext moved to another provider or field, or tampered with', () => {
    const sealed = encryptCredential(key, 'jonet', 'apiKey', 'secret-1');
    expect(() => decryptCredential(key, 'vtpass', 'apiKey', sealed)).toThrow();
    expect(() => decryptCredential(key, 'jonet', 'secretKey', sealed)).toThrow();
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => decryptCredential(key, 'jonet', 'apiKey', bytes.toString('base64'))).toThrow();
  });

  it('refuses a wrong key', () => {
    const sealed = encryptCredential(key, 'cwg', 'clientSecret', 's');
    expect(() => decryptCredential(randomBytes(32).toString('base64'), 'cwg', 'clientSecret', sealed)).toThrow();
  });
});
