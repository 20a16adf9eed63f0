'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action, refuseUnlessFresh } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { id } from '@/lib/admin/schemas';
import { resetSecondFactor } from '@/lib/auth/second-factor/factors';
import { getUser } from '@/lib/users/queries';

/** Another admin lost their device: remove their factors and end their sessions (audited; step-up). */
export const resetSecondFactorAction = action(
  'admin',
  z.object({ adminId: id }),
  async (input, { user, actor }) => {
    const refused = refuseUnlessFresh(user);
    if (refused) return refused;
    const target = await getUser(getDb(), input.adminId);
    if (target?.role !== 'admin') return fail('No such admin.');
    await resetSecondFactor(getDb(), actor, input.adminId);
    revalidatePath('/admin/admins');
    return ok(
      undefined,
      `${target.email}: second factor removed and sessions ended. They set up a new one at their next sign-in.`,
    );
  },
);
