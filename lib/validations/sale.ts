import { z } from 'zod';
import { parseTypedAmount } from '@/lib/money';

/** The sale form, as the browser posts it: strings in, typed values out, clear messages on refusal. */
export const saleFormSchema = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'This form expired. Start the sale again.'),
  productId: z.coerce.number({ message: 'Pick a plan.' }).int().positive('Pick a plan.'),
  phone: z.string().trim().min(1, 'Enter the customer’s number.').max(32, 'That number is too long.'),
  network: z.string().trim().min(1, 'Pick the network.').max(16),
  circle: z.string().trim().max(8).optional().transform((v) => v || undefined),
  amount: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const parsed = parseTypedAmount(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: 'Enter an amount like 500 or 1,000.' });
        return z.NEVER;
      }
      return parsed.minor;
    }),
  expectedPriceMinor: z.coerce.number().int().nonnegative().optional(),
  confirmRepeat: z.literal('1').optional(),
});

export type SaleForm = z.infer<typeof saleFormSchema>;
