'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail } from '@/lib/actions/result';
import { verifyPassword } from '@/lib/auth/password';
import { endAllSessions, setPassword } from '@/lib/users/commands';
import { getUser } from '@/lib/users/queries';

const passwordSchema = z
  .object({
    current: z.string().min(1, 'Enter your current password.').max(200),
    next: z.string().min(10, 'Use at least 10 characters.').max(200),
    confirm: z.string().max(200),
  })
  .refine((v) => v.next === v.confirm, {
    path: ['confirm'],
    message: 'The two new passwords differ.',
  });

/** A new password ends every session, this one included: the agent signs in again with it. */
export const changePasswordAction = action(
  'agent',
  passwordSchema,
  async (input, { user, actor }) => {
    const db = getDb();
    const row = await getUser(db, user.id);
    if (!row || !(await verifyPassword(row.passwordHash, input.current))) {
      return fail('Your current password is not right.', {
        current: ['Your current password is not right.'],
      });
    }
    await setPassword(db, actor, user.id, input.next);
    redirect('/sign-in');
  },
);

export const signOutEverywhereAction = action(
  'agent',
  z.object({}),
  async (_input, { user, actor }) => {
    await endAllSessions(getDb(), actor, user.id);
    redirect('/sign-in');
  },
);
