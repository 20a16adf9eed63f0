import { env } from '@/lib/env';
import { HOUR_MS } from '@/lib/time/units';
import { registry } from '@/lib/providers/registry';

// docs/providers/README.md#common-rules rule 5: 30 s, 1, 2, 5, 10, 30 min, then hourly up to 24 h, then MANUAL_REVIEW.
const DEFAULT_DELAYS_MS = [
  30_000,
  60_000,
  120_000,
  300_000,
  600_000,
  1_800_000,
  ...Array<number>(23).fill(HOUR_MS),
];

export const REQUERY_DELAYS_MS: number[] = env.REQUERY_DELAYS_MS
  ? env.REQUERY_DELAYS_MS.split(',').map(Number)
  : DEFAULT_DELAYS_MS;

// A provider that asks not to be polled sooner says so in its descriptor (JoNet: a minute;
// docs/providers/jonet.md#pitfalls).
const FIRST_REQUERY_FLOOR_MS: Record<string, number> = registry.pick(
  (p) => p.firstRequeryFloorMs ?? 0,
);

/** When to ask again after `tries` requeries, or null when the budget is spent. */
export function nextRequeryDelay(provider: string, tries: number): number | null {
  const delay = REQUERY_DELAYS_MS[tries];
  if (delay === undefined) return null;
  return tries === 0 ? Math.max(delay, FIRST_REQUERY_FLOOR_MS[provider] ?? 0) : delay;
}

/** NOT_FOUND refunds only after this long since the sale opened, and two answers in a row. */
export const NOT_FOUND_GRACE_MS = env.NOT_FOUND_GRACE_MS;
export const NOT_FOUND_ANSWERS = 2;
