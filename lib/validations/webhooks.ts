import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/db/schema';

/** Each event is its own checkbox (`event:sale.succeeded`): a form sends one value per name. */
export const eventField = (type: WebhookEventType) => `event:${type}` as const;

const eventBoxes = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((t) => [eventField(t), z.literal('on').optional()]),
) as Record<ReturnType<typeof eventField>, z.ZodOptional<z.ZodLiteral<'on'>>>;

const chosenEvents = (input: Record<string, unknown>) =>
  WEBHOOK_EVENT_TYPES.filter((t) => input[eventField(t)] === 'on');

export const createWebhookSchema = z
  .object({ url: z.string().trim().min(1, 'Enter the address.').max(500), ...eventBoxes })
  .transform((input) => ({ url: input.url, events: chosenEvents(input) }))
  .refine((input) => input.events.length > 0, {
    message: 'Choose at least one event.',
    path: ['events'],
  });

export const endpointIdSchema = z.object({
  endpointId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const updateWebhookEventsSchema = endpointIdSchema
  .extend(eventBoxes)
  .transform((input) => ({ endpointId: input.endpointId, events: chosenEvents(input) }))
  .refine((input) => input.events.length > 0, {
    message: 'Choose at least one event.',
    path: ['events'],
  });
