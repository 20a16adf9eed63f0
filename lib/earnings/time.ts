/** Lagos keeps UTC+1 all year (no daylight saving), so a fixed offset gives exact day and month boundaries. */
export const LAGOS_OFFSET_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function startOfLagosDay(ms: number): number {
  return Math.floor((ms + LAGOS_OFFSET_MS) / DAY_MS) * DAY_MS - LAGOS_OFFSET_MS;
}

export function startOfLagosMonth(ms: number): number {
  const local = new Date(ms + LAGOS_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - LAGOS_OFFSET_MS;
}

/** Days since the epoch, counted in Lagos: the same number SQL computes for grouping. */
export function lagosDayNumber(ms: number): number {
  return Math.floor((ms + LAGOS_OFFSET_MS) / DAY_MS);
}

/** "2025-06-15" for a Lagos day number. */
export function lagosDayLabel(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
