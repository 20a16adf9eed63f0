import { z } from 'zod';

const minorUnits = (message: string) =>
  z.coerce.number({ message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message);

/**
 * One sale as the agent asks for it. The form's field names are these keys, the action passes the
 * parsed object to startSale as is, and a refusal names one of these keys as its field.
 */
export const saleInputSchema = z.object({
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'This form expired. Start the sale again.'),
  productId: z.coerce.number({ message: 'Pick a plan.' }).int().positive('Pick a plan.'),
  phone: z
    .string()
    .trim()
    .min(1, 'Enter the customer’s number.')
    .max(32, 'That number is too long.'),
  network: z.string().trim().min(1, 'Pick the network.').max(16),
  circle: z.string().trim().max(8).optional(),
  /** The face amount of an airtime sale; a data plan's comes from its price. */
  amountMinor: minorUnits('Enter an amount like 500 or 1,000.').optional(),
  /** The plan price the agent confirmed: a changed price is refused rather than charged. */
  expectedPriceMinor: z.coerce.number().int().nonnegative().optional(),
  /** Bills: the meter number, smartcard number, or (ShowMax) the customer's phone. */
  account: z
    .string()
    .trim()
    .max(32, 'That number is too long.')
    .transform((v) => v.replace(/[\s-]/g, ''))
    .optional(),
  /** TV: months to pay for. */
  quantity: z.coerce
    .number({ message: 'Enter the number of months, 1 to 12.' })
    .int('Enter the number of months, 1 to 12.')
    .min(1, 'Enter the number of months, 1 to 12.')
    .max(12, 'Enter the number of months, 1 to 12.')
    .optional(),
  /** TV: renew the current bouquet or change to the chosen one. */
  subscriptionType: z.enum(['renew', 'change'], { message: 'Choose renew or change.' }).optional(),
  /** Sent as "1" once the agent confirmed selling the same thing to the same number again. */
  confirmRepeat: z.stringbool({ truthy: ['1'], falsy: ['0'] }).optional(),
});

export type SaleInput = z.output<typeof saleInputSchema>;
