// Sessions end at once on a password change, a disable or "sign out everywhere"; sign-in is throttled
// by address and by account BEFORE any hashing; an unknown email and a wrong password look the same.
import * as argon2 from '@node-rs/argon2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { authenticate, loadSessionUser, WRONG_CREDENTIALS } from '@/lib/auth/authenticate';
import { createTestDb } from '@/test/world/db';
import { createUser, endAllSessions, setPassword, setUserStatus } from '@/lib/users/commands';

// Count every argon2 call (the expensive part) while still doing the real work.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, hash: vi.fn(real.hash), verify: vi.fn(real.verify) };
});
const verifyCalls = () => vi.mocked(argon2.verify).mock.calls.length;

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

let n = 0;
async function agent(password = 'right-password-1') {
  const email = `proof-agent-${++n}@test.local`;
  const user = await createUser(db, SYSTEM_ACTOR, {
    email,
    name: 'Proof',
    password,
    role: 'agent',
  });
  return { user, email, password };
}

async function signIn(email: string, password: string, ip = '10.0.0.1') {
  const result = await authenticate(db, email, password, ip);
  if (!result.ok) throw new Error(result.message);
  return result.user;
}

describe('an old session is refused on its next request', () => {
  it.each([
    [
      'a password change',
      async (id: number) => await setPassword(db, SYSTEM_ACTOR, id, 'a-new-password-2'),
    ],
    ['a disable', async (id: number) => await setUserStatus(db, SYSTEM_ACTOR, id, 'disabled')],
    ['sign out everywhere', async (id: number) => await endAllSessions(db, SYSTEM_ACTOR, id)],
  ])('after %s', async (_what, change) => {
    const { user, email, password } = await agent();
    const session = await signIn(email, password);
    const other = await signIn(email, password, '10.0.0.2'); // a second device
    expect(await loadSessionUser(db, session.id, session.sessionVersion)).toMatchObject({
      id: user.id,
    });
    await change(user.id);
    expect(await loadSessionUser(db, session.id, session.sessionVersion)).toBeNull();
    expect(await loadSessionUser(db, other.id, other.sessionVersion)).toBeNull();
  });

  it('a new password works and the old one is refused with the usual words', async () => {
    const { user, email, password } = await agent();
    await setPassword(db, SYSTEM_ACTOR, user.id, 'a-new-password-2');
    expect(await authenticate(db, email, password, '10.0.0.3')).toEqual({
      ok: false,
      error: 'INVALID',
      message: WRONG_CREDENTIALS,
    });
    const fresh = await signIn(email, 'a-new-password-2', '10.0.0.3');
    expect(await loadSessionUser(db, fresh.id, fresh.sessionVersion)).toMatchObject({
      id: user.id,
    });
  });

  it('a disabled agent cannot sign in, even with the right password, and is told nothing more', async () => {
    const { user, email, password } = await agent();
    await setUserStatus(db, SYSTEM_ACTOR, user.id, 'disabled');
    expect(await authenticate(db, email, password, '10.0.0.4')).toEqual({
      ok: false,
      error: 'INVALID',
      message: WRONG_CREDENTIALS,
    });
  });
});

describe('throttling before hashing', () => {
  it('50 wrong passwords from one address: after the address limit no password is hashed, even the right one', async () => {
    const accounts = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(() => agent()));
    const before = verifyCalls();
    const results = [];
    for (let i = 0; i < 50; i += 1) {
      const target = accounts[i % accounts.length]!;
      results.push(await authenticate(db, target.email, `wrong-${i}`, '203.0.113.9'));
    }
    const hashed = verifyCalls() - before;
    const throttled = results.findIndex((r) => !r.ok && r.error === 'THROTTLED');
    expect(throttled).toBe(20); // LOGIN_RULES.ip.limit
    expect(results.slice(0, 20).every((r) => !r.ok && r.error === 'INVALID')).toBe(true);
    expect(
      results
        .slice(20)
        .every(
          (r) =>
            !r.ok &&
            r.error === 'THROTTLED' &&
            /^Too many attempts\. Try again in \d+ minutes?\.$/.test(r.message),
        ),
    ).toBe(true);
    expect(hashed).toBe(20);
    const right = await authenticate(db, accounts[0]!.email, accounts[0]!.password, '203.0.113.9');
    expect(right).toMatchObject({ ok: false, error: 'THROTTLED' });
    expect(verifyCalls() - before).toBe(20);
  });

  it('one account attacked from many addresses is throttled after 5 wrong passwords, before hashing', async () => {
    const victim = await agent();
    const before = verifyCalls();
    const results = [];
    for (let i = 0; i < 50; i += 1)
      results.push(await authenticate(db, victim.email, `wrong-${i}`, `198.51.100.${i}`));
    expect(results.slice(0, 5).every((r) => !r.ok && r.error === 'INVALID')).toBe(true);
    expect(results.slice(5).every((r) => !r.ok && r.error === 'THROTTLED')).toBe(true);
    expect(verifyCalls() - before).toBe(5);
    // The same account with different letter case or spaces is the same bucket.
    expect(
      await authenticate(db, `  ${victim.email.toUpperCase()} `, victim.password, '198.51.100.200'),
    ).toMatchObject({ ok: false, error: 'THROTTLED' });
  });
});

describe('throttling a burst', () => {
  it('30 wrong passwords for one account sent at once: 5 are checked, 25 throttled', async () => {
    const victim = await agent();
    const before = verifyCalls();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authenticate(db, victim.email, `wrong-${i}`, `198.51.100.${i}`),
      ),
    );
    expect(results.filter((r) => !r.ok && r.error === 'INVALID')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === 'THROTTLED')).toHaveLength(25);
    expect(verifyCalls() - before).toBe(5);
  });

  it('right passwords from one address do not use up its limit', async () => {
    const agents = await Promise.all(Array.from({ length: 21 }, () => agent())); // one past the limit of 20
    for (const a of agents)
      expect(await authenticate(db, a.email, a.password, '192.0.2.60')).toMatchObject({ ok: true });
  });
});

describe('an unknown email and a wrong password look the same', () => {
  it('same answer, one password check each, and about the same time', async () => {
    const known = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => agent()));
    await authenticate(db, 'warm-up@nowhere.test', 'x', '192.0.2.250'); // builds the cached dummy hash once
    const time = async (email: string, ip: string) => {
      const calls = verifyCalls();
      const t0 = performance.now();
      const result = await authenticate(db, email, 'not-the-password', ip);
      const ms = performance.now() - t0;
      expect(verifyCalls() - calls).toBe(1);
      return { result, ms };
    };
    const unknown = [];
    const wrong = [];
    for (let i = 0; i < 8; i += 1) {
      unknown.push(await time(`nobody-${i}@nowhere.test`, `192.0.2.${i}`));
      wrong.push(await time(known[i]!.email, `192.0.2.${100 + i}`));
    }
    for (const r of [...unknown, ...wrong])
      expect(r.result).toEqual({ ok: false, error: 'INVALID', message: WRONG_CREDENTIALS });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown.map((r) => r.ms)) / median(wrong.map((r) => r.ms));
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
