'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { deleteBeneficiary, updateBeneficiary } from '@/lib/beneficiaries/commands';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const updateSchema = z.object({
  id,
  name: z.string().trim().max(60, 'Keep the name under 60 characters.').optional().default(''),
  network: z.string().trim().min(1, 'Pick a network.').max(20),
});

function revalidateNumbers() {
  revalidatePath('/beneficiaries');
  revalidatePath('/buy/airtime');
  revalidatePath('/buy/data');
}

export const updateBeneficiaryAction = action('agent', updateSchema, async (input, { user }) => {
  const result = await updateBeneficiary(getDb(), user.id, input.id, {
    name: input.name || null,
    network: input.network,
  });
  if (result === 'not_found') return fail('That number is no longer saved.');
  if (result === 'bad_network')
    return fail('Pick a network for this number.', {
      network: ['Pick a network for this number.'],
    });
  revalidateNumbers();
  return ok(undefined, 'Saved.');
});

export const deleteBeneficiaryAction = action(
  'agent',
  z.object({ id }),
  async (input, { user }) => {
    if (!(await deleteBeneficiary(getDb(), user.id, input.id)))
      return fail('That number is no longer saved.');
    revalidateNumbers();
    return ok(undefined, 'Deleted.');
  },
);
