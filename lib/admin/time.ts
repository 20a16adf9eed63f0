/** Lagos has no daylight saving: a fixed UTC+1 makes day boundaries exact. */
export const LAGOS_OFFSET_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const startOfLagosDay = (ms: number) => Math.floor((ms + LAGOS_OFFSET_MS) / DAY_MS) * DAY_MS - LAGOS_OFFSET_MS;

/** "2025-06-15" for the Lagos day containing ms. */
export const lagosDay = (ms: number) => new Date(ms + LAGOS_OFFSET_MS).toISOString().slice(0, 10);

/** "2025-06-15" → the instant that Lagos day starts; null when the text is not a date. */
export function parseLagosDay(day: string | undefined): number | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms - LAGOS_OFFSET_MS;
}
