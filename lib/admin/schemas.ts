import { z } from 'zod';
import { parseTypedAmount } from '@/lib/money';
import { PROVIDER_IDS } from '@/lib/providers/registry';
import { PURCHASE_STATUSES } from '@/db/schema';
import { PRODUCT_TYPES } from '@/lib/providers/types';

/** Shared by forms and actions: every value arrives as a string from FormData. */
export const currency = z.enum(['NGN', 'INR']);
export const providerId = z.enum(PROVIDER_IDS);
export const id = z.coerce.number().int().positive();
export const productType = z.enum(PRODUCT_TYPES);

/** A positive amount typed in major units ("1,250.50"), parsed only by lib/money. */
export const amount = z.string().transform((s, ctx) => {
  const parsed = parseTypedAmount(s);
  if (!parsed.ok || parsed.minor <= 0) {
    ctx.addIssue({ code: 'custom', message: 'Enter an amount like 1500 or 1,500.50.' });
    return z.NEVER;
  }
  return parsed.minor;
});

/** Empty means "no limit". */
export const optionalAmount = z.string().transform((s, ctx) => {
  if (!s.trim()) return null;
  const parsed = parseTypedAmount(s);
  if (!parsed.ok || parsed.minor <= 0) {
    ctx.addIssue({ code: 'custom', message: 'Enter an amount, or leave empty for no limit.' });
    return z.NEVER;
  }
  return parsed.minor;
});

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

/** A JSON object of string values, e.g. {"balance": "/v2/balance"}. */
export const stringMap = z.string().transform((s, ctx) => {
  if (!s.trim()) return {} as Record<string, string>;
  try {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(s));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the message below
  }
  ctx.addIssue({
    code: 'custom',
    message: 'Enter a JSON object of text values, like {"balance": "/balance"}.',
  });
  return z.NEVER;
});

export const password = z.string().min(10, 'At least 10 characters.').max(200);

export const purchaseStatus = z.enum(PURCHASE_STATUSES);

/** Lenient query-string parsing: a bad filter is dropped, never an error page. */
export const optionalQuery = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);
