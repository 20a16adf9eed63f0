import { z } from 'zod';
import { lagosDayRange, parseLagosDay } from '@/lib/time/lagos';

const lagosDate = z.string().refine((s) => parseLagosDay(s) !== null);

/** History filters live in the URL; anything malformed is ignored rather than refused. */
export const historyQuerySchema = z.object({
  status: z.enum(['pending', 'success', 'failed', 'review']).optional().catch(undefined),
  from: lagosDate.optional().catch(undefined),
  to: lagosDate.optional().catch(undefined),
  network: z
    .string()
    .regex(/^[A-Z0-9]{2,10}$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export function toHistoryFilter(q: HistoryQuery) {
  return {
    status: q.status,
    ...lagosDayRange(q.from, q.to),
    network: q.network,
    q: q.q || undefined,
  };
}
