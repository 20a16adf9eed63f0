import { z } from 'zod';
import type { ApiScope } from '@/db/schema';
import { validAddressList } from '@/lib/trust-proxy';

const MAX_ALLOWED_IPS = 20;

/** The "new API key" form: a name, at least one scope (one checkbox each), and an optional allow-list. */
export const newApiKeySchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name the key (e.g. “shop till” or “reseller site”).')
      .max(60, 'Use at most 60 characters.'),
    scopeRead: z.literal('on').optional(),
    scopeSell: z.literal('on').optional(),
    allowedIps: z
      .string()
      .max(1_000, 'That list is too long.')
      .optional()
      .transform((value, ctx) => {
        const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
        if (entries.length > MAX_ALLOWED_IPS) {
          ctx.addIssue({
            code: 'custom',
            message: `Use at most ${MAX_ALLOWED_IPS} addresses or ranges.`,
          });
          return z.NEVER;
        }
        if (!validAddressList(entries)) {
          ctx.addIssue({
            code: 'custom',
            message: 'Use addresses or ranges like 203.0.113.7 or 198.51.100.0/24.',
          });
          return z.NEVER;
        }
        return entries;
      }),
  })
  .transform(({ name, scopeRead, scopeSell, allowedIps }) => ({
    name,
    scopes: [...(scopeRead ? ['read'] : []), ...(scopeSell ? ['sell'] : [])] as ApiScope[],
    allowedIps,
  }))
  .refine((v) => v.scopes.length > 0, { path: ['scopes'], message: 'Choose what the key may do.' });

export const apiKeyIdSchema = z.object({ keyId: z.coerce.number().int().positive() });
