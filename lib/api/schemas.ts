import 'zod-openapi';
import { z } from 'zod';
import { PRODUCT_TYPES } from '@/lib/providers/types';

/**
 * The REST API's inputs and outputs. Routes parse with these and the OpenAPI document is generated from
 * them, so the reference cannot drift from what the code accepts. Money is always an integer in minor
 * units (kobo, paise) beside its currency.
 */

const minor = (description: string) => z.number().int().meta({ description });

export const countrySchema = z
  .enum(['NG', 'IN'])
  .meta({ description: 'NG (Nigeria, NGN) or IN (India, INR)' });
export const currencySchema = z.enum(['NGN', 'INR']);
const isoTime = z
  .string()
  .meta({ description: 'ISO 8601 time, UTC', example: '2026-01-31T09:15:00.000Z' });

// Opaque to clients: the id of the last row of the page they have.
export const cursorSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,24}$/, 'Use the nextCursor of the previous page.')
  .transform((value, ctx) => {
    const id = Number(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Number.isSafeInteger(id) || id <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Use the nextCursor of the previous page.' });
      return z.NEVER;
    }
    return id;
  })
  .meta({ description: 'The nextCursor of the previous page' });

export const encodeCursor = (id: number) => Buffer.from(String(id), 'utf8').toString('base64url');

const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .default(25)
  .meta({ description: 'Rows per page, 1 to 100' });

// ── Catalogue ────────────────────────────────────────────────────────────────
export const catalogueQuerySchema = z.object({
  country: countrySchema.default('NG'),
  network: z
    .string()
    .trim()
    .toUpperCase()
    .max(16)
    .optional()
    .meta({ description: 'MTN, GLO, AIRTEL, 9MOBILE, JIO, VI, BSNL' }),
  type: z.enum(PRODUCT_TYPES).optional(),
  circle: z.string().trim().max(8).optional().meta({ description: 'Indian telecom circle code' }),
});

export const planSchema = z
  .object({
    id: z.number().int().meta({ description: 'The productId to sell' }),
    name: z.string(),
    country: countrySchema,
    currency: currencySchema,
    network: z.string(),
    circle: z.string().nullable(),
    type: z.enum(PRODUCT_TYPES),
    priceMinor: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Fixed price of a data plan; null for airtime' }),
    minAmountMinor: z.number().int().nullable().meta({ description: 'Smallest airtime amount' }),
    maxAmountMinor: z.number().int().nullable().meta({ description: 'Largest airtime amount' }),
    dataMb: z.number().int().nullable(),
    validityDays: z.number().int().nullable(),
  })
  .meta({ id: 'Plan' });

export const catalogueSchema = z.object({ data: z.array(planSchema) });

// ── Number lookup ───────────────────────────────────────────────────────────
export const lookupQuerySchema = z.object({
  phone: z.string().trim().min(1, 'Enter a phone number.').max(32, 'That number is too long.'),
  country: countrySchema.default('NG'),
});

export const lookupSchema = z
  .object({
    country: countrySchema,
    phone: z.string().meta({
      description: 'The national number as the API stores it (0803…, or 10 digits in India)',
    }),
    network: z
      .string()
      .nullable()
      .meta({ description: 'The network the number prefix belongs to; null when unknown' }),
    circle: z
      .string()
      .nullable()
      .meta({ description: 'Indian circle; null when it cannot be told from the number' }),
    detected: z.boolean().meta({
      description: 'Whether the network was detected (ported numbers keep their old prefix)',
    }),
  })
  .meta({ id: 'NumberLookup' });

// ── Balances ────────────────────────────────────────────────────────────────
export const balanceSchema = z
  .object({
    currency: currencySchema,
    balanceMinor: minor('Posted balance'),
    reservedMinor: minor('Held for sales still pending'),
    availableMinor: minor('What new sales can spend'),
  })
  .meta({ id: 'Balance' });

export const balancesSchema = z.object({ data: z.array(balanceSchema) });

// ── Sales ───────────────────────────────────────────────────────────────────
export const API_SALE_STATUSES = [
  'pending',
  'success',
  'failed',
  'reversed',
  'manual_review',
] as const;

export const createSaleSchema = z
  .object({
    productId: z.number().int().positive().meta({ description: 'A plan id from the catalogue' }),
    phone: z
      .string()
      .trim()
      .min(1, 'Enter the customer’s number.')
      .max(32, 'That number is too long.'),
    network: z.string().trim().toUpperCase().max(16).optional().meta({
      description:
        'The customer’s network; defaults to the plan’s network (say it when the number is ported)',
    }),
    circle: z
      .string()
      .trim()
      .max(8)
      .optional()
      .meta({ description: 'Indian circle (required for India)' }),
    amountMinor: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'Airtime amount in minor units' }),
    expectedPriceMinor: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta({ description: 'Data plans: refuse the sale if the price is no longer this' }),
  })
  .strict()
  .meta({ id: 'CreateSale' });

export type CreateSaleInput = z.infer<typeof createSaleSchema>;

export const saleSchema = z
  .object({
    id: z.number().int(),
    reference: z.string().meta({ description: 'Our reference for the sale' }),
    status: z.enum(API_SALE_STATUSES),
    type: z.enum(PRODUCT_TYPES),
    productId: z.number().int(),
    network: z.string(),
    circle: z.string().nullable(),
    phone: z.string(),
    currency: currencySchema,
    amountMinor: minor('Face value sold to the customer'),
    costMinor: minor('What the wallet pays'),
    commissionMinor: minor('What the agent earns'),
    providerReference: z.string().nullable(),
    operatorReference: z
      .string()
      .nullable()
      .meta({ description: 'The network’s reference, for the customer' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Sale' });

export type ApiSale = z.infer<typeof saleSchema>;

const isoDate = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 time, like 2026-01-31T00:00:00Z.' })
  .transform((value) => Date.parse(value));

export const listSalesQuerySchema = z.object({
  status: z.enum(API_SALE_STATUSES).optional(),
  from: isoDate.optional().meta({ description: 'Created at or after (ISO 8601)' }),
  to: isoDate.optional().meta({ description: 'Created before (ISO 8601)' }),
  phone: z
    .string()
    .trim()
    .max(32)
    .optional()
    .meta({ description: 'The customer’s number (any usual spelling)' }),
  reference: z
    .string()
    .trim()
    .max(64)
    .optional()
    .meta({ description: 'Our reference or the provider’s' }),
  limit: limitSchema,
  cursor: cursorSchema.optional(),
});

export const salePageSchema = z.object({
  data: z.array(saleSchema),
  hasMore: z.boolean(),
  nextCursor: z.string().nullable(),
});

export const saleIdParamsSchema = z.object({
  id: z.coerce.number().int().positive().meta({ description: 'The sale id' }),
});

export const idempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/)
    .meta({
      description:
        'Any unique string (a UUID): retries with the same key and body return the same sale, never a second one',
    }),
});

// ── Wallet statement ────────────────────────────────────────────────────────
export const statementQuerySchema = z.object({
  currency: currencySchema.default('NGN'),
  limit: limitSchema,
  cursor: cursorSchema.optional(),
});

export const statementRowSchema = z
  .object({
    id: z.number().int(),
    createdAt: isoTime,
    kind: z.string().meta({ description: 'funding, reserve, settle, refund, …' }),
    memo: z.string(),
    reference: z.string().nullable(),
    saleId: z.number().int().nullable(),
    debitMinor: minor('Money out of the wallet'),
    creditMinor: minor('Money into the wallet'),
    balanceMinor: minor('The wallet’s balance right after this row'),
  })
  .meta({ id: 'StatementRow' });

export const statementPageSchema = z.object({
  data: z.array(statementRowSchema),
  hasMore: z.boolean(),
  nextCursor: z.string().nullable(),
});

// ── Problems ────────────────────────────────────────────────────────────────
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable code' }),
    detail: z.string().optional(),
    field: z.string().optional().meta({ description: 'The input at fault' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
