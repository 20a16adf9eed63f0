// zod shapes for VTpass (docs/providers/vtpass.md#answers). Lenient on the documented drift: amount string|number,
// transaction_date object|string|null, `varations`/`variations`, code string|number.
import { z } from 'zod';

const code = z.union([z.string(), z.number()]).transform(String);
const money = z.union([z.string(), z.number()]);

export const vtpassTransaction = z.looseObject({
  status: z.string().optional(),
  transactionId: z.union([z.string(), z.number()]).transform(String).optional(),
});

export const vtpassReply = z.looseObject({
  code: code,
  response_description: z.string().optional(),
  // content is an object on success but a string/array on some errors; only transactions matters.
  content: z.unknown().optional(),
  requestId: z.string().optional(),
  transactionId: z.union([z.string(), z.number()]).transform(String).optional(),
  amount: money.nullish(),
  transaction_date: z.union([z.string(), z.looseObject({ date: z.string() }), z.null()]).optional(),
  purchased_code: z.string().nullish(),
});
export type VtpassReply = z.infer<typeof vtpassReply>;

/** content.transactions, when present and well-formed. */
export function transactionOf(reply: VtpassReply): z.infer<typeof vtpassTransaction> | undefined {
  const content = reply.content;
  if (!content || typeof content !== 'object' || !('transactions' in content)) return undefined;
  const parsed = vtpassTransaction.safeParse((content as { transactions: unknown }).transactions);
  return parsed.success ? parsed.data : undefined;
}

export const vtpassVariation = z.looseObject({
  variation_code: z.string().min(1),
  name: z.string(),
  variation_amount: money,
  fixedPrice: z.string().optional(),
});

export const vtpassVariations = z
  .looseObject({
    content: z.looseObject({
      serviceID: z.string().optional(),
      varations: z.array(z.unknown()).optional(), // typo on some doc pages and SDKs
      variations: z.array(z.unknown()).optional(),
    }),
  })
  .transform((o) => o.content.varations ?? o.content.variations ?? []);

// `contents.balance` CONFIRMED; the top-level code is INFERRED and ignored.
export const vtpassBalance = z.looseObject({ contents: z.looseObject({ balance: money }) });

// {type, data} with data shaped like a requery response.
export const vtpassWebhook = z.looseObject({
  type: z.string(),
  data: vtpassReply.extend({ requestId: z.string().min(1) }),
});
