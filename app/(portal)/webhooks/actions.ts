'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import {
  createWebhookSchema,
  endpointIdSchema,
  updateWebhookEventsSchema,
} from '@/lib/validations/webhooks';
import { defaultPolicy } from '@/lib/webhooks/deliver';
import {
  createEndpoint,
  resendDelivery,
  rotateSecret,
  setPaused,
  updateEvents,
} from '@/lib/webhooks/endpoints';

export const createWebhookAction = action('agent', createWebhookSchema, async (input, { user }) => {
  const created = await createEndpoint(getDb(), user.id, input, defaultPolicy());
  if (!created.ok) return fail(created.refusal);
  revalidatePath('/webhooks');
  return ok({ endpointId: created.endpoint.id }, 'Endpoint added.');
});

export const updateWebhookEventsAction = action(
  'agent',
  updateWebhookEventsSchema,
  async (input, { user }) => {
    if (!(await updateEvents(getDb(), user.id, input.endpointId, input.events)))
      return fail('No such endpoint.');
    revalidatePath(`/webhooks/${input.endpointId}`);
    return ok(undefined, 'Events saved.');
  },
);

export const pauseWebhookAction = action(
  'agent',
  endpointIdSchema.extend({ paused: z.enum(['1', '0']) }),
  async (input, { user }) => {
    if (!(await setPaused(getDb(), user.id, input.endpointId, input.paused === '1')))
      return fail('No such endpoint.');
    revalidatePath(`/webhooks/${input.endpointId}`);
    return ok(
      undefined,
      input.paused === '1' ? 'Paused: deliveries wait until you resume.' : 'Resumed.',
    );
  },
);

export const rotateWebhookSecretAction = action(
  'agent',
  endpointIdSchema,
  async (input, { user }) => {
    if (!(await rotateSecret(getDb(), user.id, input.endpointId))) return fail('No such endpoint.');
    revalidatePath(`/webhooks/${input.endpointId}`);
    return ok(undefined, 'New secret made. The old one keeps signing for 24 hours.');
  },
);

export const resendWebhookAction = action(
  'agent',
  endpointIdSchema.extend({
    deliveryId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  }),
  async (input, { user }) => {
    if (!(await resendDelivery(getDb(), user.id, input.deliveryId)))
      return fail('No such delivery.');
    revalidatePath(`/webhooks/${input.endpointId}`);
    return ok(undefined, 'Queued to send again.');
  },
);
