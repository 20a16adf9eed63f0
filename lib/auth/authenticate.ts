import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { DEMO_USERS } from '@/db/demo';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { burnPasswordCheck, verifyPassword } from './password';
import { clearHits, LOGIN_RULES, releaseHit, takeHit } from './throttle';
import { first } from '@/db/query';

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: 'agent' | 'admin';
  sessionVersion: number;
};

export type AuthenticateResult =
  { ok: true; user: SessionUser } | { ok: false; error: 'INVALID' | 'THROTTLED'; message: string };

export const WRONG_CREDENTIALS = 'Wrong email or password.';

/**
 * What an account's email can be, as the sign-in form parses it. Anything else (a control character,
 * 10,000 letters) names no account: it is never looked up, counted or stored as an account key, which
 * PostgreSQL could not store anyway (a NUL byte is refused in every text column).
 */
export const accountEmail = z.string().trim().toLowerCase().email().max(254);

const DEMO_PASSWORDS = new Set(Object.values(DEMO_USERS).map((demo) => demo.password));

/** The demo passwords are published in the README: outside demo mode they open no account, whatever its hash. */
function isRetiredDemoPassword(password: string): boolean {
  return env.DEMO !== 'on' && DEMO_PASSWORDS.has(password);
}

/**
 * Throttles by account and by address before any hashing, then checks the password. An unknown
 * email, a wrong password and a disabled account all get the same words and the same work.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
  ip: string,
): Promise<AuthenticateResult> {
  const account = accountEmail.safeParse(email);
  const normalised = account.success ? account.data : null;
  const accountKey = normalised === null ? null : `login:account:${normalised}`;
  const ipKey = `login:ip:${ip}`;
  // Counted before anything is checked: attempts sent all at once each see their own count, so a
  // burst gets no more password checks than the limit allows.
  const wait = Math.max(
    accountKey === null ? 0 : await takeHit(db, accountKey, LOGIN_RULES.account),
    await takeHit(db, ipKey, LOGIN_RULES.ip),
  );
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    return {
      ok: false,
      error: 'THROTTLED',
      message: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    };
  }

  const user =
    normalised === null
      ? undefined
      : await first(db.select().from(users).where(eq(users.email, normalised)));
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await burnPasswordCheck(password);
  if (!user || !valid || user.status !== 'active' || isRetiredDemoPassword(password)) {
    await recordAudit(
      db,
      // JSON escapes the control characters of an email that is not one.
      { userId: user?.id ?? null, label: normalised ?? JSON.stringify(email.slice(0, 254)), ip },
      { action: 'auth.sign_in_failed', targetType: 'user', targetId: user?.id },
    );
    return { ok: false, error: 'INVALID', message: WRONG_CREDENTIALS };
  }
  // A right password is no attempt against the limits: the account starts over, and the address
  // (an office behind one router signs many agents in) gets its hit back.
  if (accountKey !== null) await clearHits(db, accountKey);
  await releaseHit(db, ipKey);
  await recordAudit(
    db,
    { userId: user.id, label: user.email, ip },
    { action: 'auth.sign_in', targetType: 'user', targetId: user.id },
  );
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
  };
}

const sessionUserById = prepared((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id'))),
);

/** The live row behind a session, or null when the account is disabled or the session is stale. */
export async function loadSessionUser(
  db: Db,
  id: number,
  sessionVersion: number,
): Promise<SessionUser | null> {
  const user = await sessionUserById(db).get({ id });
  if (!user || user.status !== 'active' || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
