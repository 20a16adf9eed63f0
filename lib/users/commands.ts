import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { walletAccount } from '@/lib/ledger/accounts';
import { Refusal } from '@/lib/errors';
import type { Currency } from '@/lib/money';
import { first, written } from '@/db/query';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: 'agent' | 'admin';
  currencies?: Currency[];
}

/** Creates the user and, for an agent, a wallet per currency, audited in one transaction. */
export async function createUser(db: Db, actor: Actor, input: NewUser, now = Date.now()) {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  return await inTransaction(db, async (tx) => {
    const created = await first(
      tx
        .insert(users)
        .values({ email, name: input.name.trim(), role: input.role, passwordHash, createdAt: now })
        .onConflictDoNothing({ target: users.email })
        .returning(),
    );
    if (!created) throw new Refusal('An account with this email already exists.', 'email');
    if (input.role === 'agent')
      for (const c of input.currencies ?? ['NGN']) await walletAccount(tx, created.id, c);
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.create',
        targetType: 'user',
        targetId: created.id,
        detail: { email, role: input.role },
      },
      now,
    );
    return created;
  });
}

/**
 * Changes a user and bumps the session version in one audited transaction: every session issued
 * before it is refused on its next request (the version is checked against the database each time).
 */
async function changeAndEndSessions(
  db: Db,
  actor: Actor,
  userId: number,
  set: Partial<typeof users.$inferInsert>,
  action: string,
  now: number,
) {
  await inTransaction(db, async (tx) => {
    const changed = await written(
      tx
        .update(users)
        .set({ ...set, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, userId)),
    );
    if (changed !== 1) throw new Refusal('No such user.');
    await recordAudit(tx, actor, { action, targetType: 'user', targetId: userId }, now);
  });
}

export async function setUserStatus(
  db: Db,
  actor: Actor,
  userId: number,
  status: 'active' | 'disabled',
  now = Date.now(),
) {
  await changeAndEndSessions(
    db,
    actor,
    userId,
    { status },
    status === 'disabled' ? 'user.disable' : 'user.enable',
    now,
  );
}

export async function setPassword(
  db: Db,
  actor: Actor,
  userId: number,
  password: string,
  now = Date.now(),
) {
  await changeAndEndSessions(
    db,
    actor,
    userId,
    { passwordHash: await hashPassword(password) },
    'user.password_reset',
    now,
  );
}

/** "Sign out everywhere": every existing session of this user stops working. */
export async function endAllSessions(db: Db, actor: Actor, userId: number, now = Date.now()) {
  await changeAndEndSessions(db, actor, userId, {}, 'user.sign_out_everywhere', now);
}
