import { z } from 'zod';
import { minorOrUndefined, parseTypedAmount } from '@/lib/money';

const money = z
  .string()
  .trim()
  .max(12)
  .optional()
  .transform((v) => (v ? minorOrUndefined(parseTypedAmount(v)) : undefined))
  .catch(undefined);

/** Catalogue filters from the URL; malformed values are ignored, not fatal. */
export const catalogueQuerySchema = z.object({
  country: z.enum(['NG', 'IN']).catch('NG'),
  type: z.enum(['airtime', 'data', 'electricity', 'tv']).optional().catch(undefined),
  network: z
    .string()
    .regex(/^[A-Z0-9]{2,10}$/)
    .optional()
    .catch(undefined),
  validity: z.enum(['daily', 'weekly', 'monthly', 'longer']).optional().catch(undefined),
  min: money,
  max: money,
  q: z.string().trim().max(40).optional().catch(undefined),
});

export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;
