/** Plain durations in milliseconds. Lagos's offset from UTC is not one of them: it lives in ./lagos.ts. */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
