import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { readSessionToken } from './session-token';

describe('readSessionToken', () => {
  it('reads the cookie next-auth itself writes', async () => {
    const token = await encode({
      token: { uid: 7, sv: 3, role: 'agent' },
      secret: env.AUTH_SECRET,
    });
    expect(await readSessionToken(token)).toMatchObject({ uid: 7, sv: 3, role: 'agent' });
  });

  it('reads a token under another secret, a tampered token, an expired token and garbage as no session', async () => {
    const foreign = await encode({
      token: { uid: 7, sv: 3 },
      secret: 'another-secret-of-enough-length',
    });
    expect(await readSessionToken(foreign)).toBeNull();

    const token = await encode({ token: { uid: 7, sv: 3 }, secret: env.AUTH_SECRET });
    const parts = token.split('.');
    const ciphertext = parts[3]!;
    parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
    expect(await readSessionToken(parts.join('.'))).toBeNull();

    const expired = await encode({
      token: { uid: 7, sv: 3 },
      secret: env.AUTH_SECRET,
      maxAge: -60,
    });
    expect(await readSessionToken(expired)).toBeNull();

    expect(await readSessionToken('not-a-token')).toBeNull();
  });
});
