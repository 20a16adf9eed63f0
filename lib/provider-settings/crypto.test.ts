import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptCredential, encryptCredential } from './crypto';

const key = randomBytes(32).toString('base64');
const NONCE = 12;
const TAG = 16;

/** Flips one bit at `index` of the sealed bytes. */
function flip(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed, 'base64');
  bytes[index]! ^= 0x01;
  return bytes.toString('base64');
}

describe('credential encryption', () => {
  it('round-trips and uses a fresh nonce each time', () => {
    const a = encryptCredential(key, 'jonet', 'apiKey', 'secret-1');
    const b = encryptCredential(key, 'jonet', 'apiKey', 'secret-1');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').subarray(0, NONCE)).not.toEqual(
      Buffer.from(b, 'base64').subarray(0, NONCE),
    );
    expect(decryptCredential(key, 'jonet', 'apiKey', a)).toBe('secret-1');
    expect(decryptCredential(key, 'jonet', 'apiKey', b)).toBe('secret-1');
  });

  it('round-trips unicode and empty-looking values exactly', () => {
    const value = 'pässwörd ₦ 🔑 with spaces ';
    expect(
      decryptCredential(
        key,
        'vtpass',
        'password',
        encryptCredential(key, 'vtpass', 'password', value),
      ),
    ).toBe(value);
  });

  it('refuses a flipped bit in the nonce, the tag or the ciphertext', () => {
    const sealed = encryptCredential(key, 'jonet', 'apiKey', 'a-long-enough-secret');
    const length = Buffer.from(sealed, 'base64').length;
    expect(decryptCredential(key, 'jonet', 'apiKey', sealed)).toBe('a-long-enough-secret');
    for (const index of [0, NONCE - 1, NONCE, NONCE + TAG - 1, NONCE + TAG, length - 1]) {
      expect(
        () => decryptCredential(key, 'jonet', 'apiKey', flip(sealed, index)),
        `bit flipped at byte ${index}`,
      ).toThrow();
    }
  });

  it('refuses a short tag or a truncated ciphertext', () => {
    const raw = Buffer.from(encryptCredential(key, 'cwg', 'clientSecret', 'secret'), 'base64');
    // Keep the nonce, cut the tag to 12 then 4 bytes: GCM must not accept a shortened tag.
    const shortTag12 = Buffer.concat([
      raw.subarray(0, NONCE),
      raw.subarray(NONCE, NONCE + 12),
    ]).toString('base64');
    const shortTag4 = Buffer.concat([
      raw.subarray(0, NONCE),
      raw.subarray(NONCE, NONCE + 4),
    ]).toString('base64');
    expect(() => decryptCredential(key, 'cwg', 'clientSecret', shortTag12)).toThrow(/truncated/);
    expect(() => decryptCredential(key, 'cwg', 'clientSecret', shortTag4)).toThrow(/truncated/);
    // Dropping ciphertext bytes fails the tag check.
    expect(() =>
      decryptCredential(
        key,
        'cwg',
        'clientSecret',
        raw.subarray(0, raw.length - 1).toString('base64'),
      ),
    ).toThrow();
  });

  it('refuses a ciphertext moved to another provider or field', () => {
    const sealed = encryptCredential(key, 'jonet', 'apiKey', 'secret-1');
    expect(() => decryptCredential(key, 'vtpass', 'apiKey', sealed)).toThrow();
    expect(() => decryptCredential(key, 'jonet', 'secretKey', sealed)).toThrow();
  });

  it('refuses a wrong key and a key of the wrong size', () => {
    const sealed = encryptCredential(key, 'cwg', 'clientSecret', 's');
    expect(() =>
      decryptCredential(randomBytes(32).toString('base64'), 'cwg', 'clientSecret', sealed),
    ).toThrow();
    expect(() =>
      encryptCredential(randomBytes(16).toString('base64'), 'cwg', 'clientSecret', 's'),
    ).toThrow(/32 bytes/);
  });
});
