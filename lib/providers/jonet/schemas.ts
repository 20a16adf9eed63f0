// zod shapes for JoNet bodies. Only responseCode + message are CONFIRMED (docs/providers/jonet.md#answers); the rest is lenient.
import { z } from 'zod';

const code = z.union([z.string(), z.number()]).transform(String);
const money = z.union([z.string(), z.number()]);

export const jonetReply = z.looseObject({
  responseCode: code,
  message: z.string().optional(),
  customer_id: z.string().optional(),
  status: z.string().optional(), // INFERRED: requery echoes the webhook's status word
  transaction_id: z.union([z.string(), z.number()]).transform(String).optional(), // INFERRED provider ref (GAP)
});
export type JonetReply = z.infer<typeof jonetReply>;

export const jonetPlan = z.looseObject({
  code: code,
  network: z.string(),
  name: z.string(),
  price: money,
  status: z.string().optional(),
});
// INFERRED (GAP): plans as a bare array or under data/plans.
export const jonetPlans = z.union([
  z.array(z.unknown()),
  z.looseObject({ data: z.array(z.unknown()) }).transform((o) => o.data),
  z.looseObject({ plans: z.array(z.unknown()) }).transform((o) => o.plans),
]);

// INFERRED (GAP): balance endpoint mirrors the webhook's `balance` field.
export const jonetBalance = z.looseObject({ responseCode: code.optional(), balance: money });

// CONFIRMED fields (client handler jonetWebhookListener); `receipent` is misspelt upstream.
export const jonetWebhook = z.looseObject({
  customer_id: z.string().min(1),
  status: z.string().optional(),
  server_response: z.string().optional(),
  type: z.string().optional(),
  receipent: z.string().optional(),
  vendor_id: z.string().optional(),
  balance: money.optional(),
});
