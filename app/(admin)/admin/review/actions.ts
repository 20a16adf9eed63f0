'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { ok } from '@/lib/actions/result';
import { adminResolve } from '@/lib/purchases/admin-resolve';
import { resolveLateDelivery } from '@/lib/purchases/late-delivery';

const schema = z.object({
  purchaseId: z.coerce.number().int().positive(),
  outcome: z.enum(['success', 'failed'], { message: 'Choose delivered or failed.' }),
  reason: z
    .string()
    .trim()
    .min(5, 'Say why, in a few words (what the provider told you).')
    .max(500),
  confirmed: z.literal('on', { message: 'Tick the box to confirm you checked with the provider.' }),
});

/** Same single-resolution path as the requery and callbacks: a sale already resolved is refused. */
export const resolveSaleAction = action('admin', schema, async (input, { actor }) => {
  const status = await adminResolve(getDb(), actor, input.purchaseId, input.outcome, input.reason);
  revalidatePath('/admin/review');
  return ok(
    status,
    status === 'SUCCESS'
      ? 'Marked delivered; the agent was charged.'
      : 'Marked failed; the agent was refunded.',
  );
});

const lateSchema = z.object({
  lateDeliveryId: z.coerce.number().int().positive(),
  decision: z.enum(['recover', 'write_off'], { message: 'Choose recover or write off.' }),
  reason: z.string().trim().min(5, 'Say why, in a few words.').max(500),
  confirmed: z.literal('on', { message: 'Tick the box to confirm you checked with the provider.' }),
});

/** Decided once: a second decision on the same late delivery is refused. */
export const resolveLateDeliveryAction = action('admin', lateSchema, async (input, { actor }) => {
  const done = await resolveLateDelivery(
    getDb(),
    actor,
    input.lateDeliveryId,
    input.decision,
    input.reason,
  );
  revalidatePath('/admin/review');
  if (done.decision === 'write_off')
    return ok(done, 'Written off; the platform pays the provider.');
  const debt = done.debtMinor
    ? " The rest is recorded as the agent's debt and comes out of their next funding."
    : '';
  return ok(done, `Recovered from the agent's wallet.${debt}`);
});
