import { z } from 'zod';

const lagosDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// A Lagos calendar day starts at 23:00 UTC the day before (UTC+1, no DST).
const lagosMidnight = (day: string) => Date.parse(`${day}T00:00:00+01:00`);

/** History filters live in the URL; anything malformed is ignored rather than refused. */
export const historyQuerySchema = z.object({
  status: z.enum(['pending', 'success', 'failed', 'review']).optional().catch(undefined),
  from: lagosDate.optional().catch(undefined),
  to: lagosDate.optional().catch(undefined),
  network: z.string().regex(/^[A-Z0-9]{2,10}$/).optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export function toHistoryFilter(q: HistoryQuery) {
  return {
    status: q.status,
    from: q.from ? lagosMidnight(q.from) : undefined,
    to: q.to ? lagosMidnight(q.to) + 86_400_000 : undefined,
    network: q.network,
    q: q.q || undefined,
  };
}
