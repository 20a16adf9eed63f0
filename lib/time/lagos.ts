import { DAY_MS, HOUR_MS, SECOND_MS } from './units';

/**
 * Lagos time, in one place. Africa/Lagos keeps UTC+1 all year (no daylight saving), so one fixed
 * offset gives exact day, month and minute boundaries whatever the host's time zone is. Every Lagos
 * date, day number, date filter, chart bucket and stamp in the portal is computed here.
 */
const LAGOS_OFFSET_MS = HOUR_MS;
const LAGOS_OFFSET_TEXT = '+01:00';
/** The IANA name, for Intl formatters that print Lagos wall-clock time. */
export const LAGOS_TIME_ZONE = 'Africa/Lagos';

/** The Lagos wall clock at an instant. */
export interface LagosParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Shifting by the offset turns the UTC fields of the shifted instant into Lagos wall-clock fields. */
const shifted = (ms: number) => new Date(ms + LAGOS_OFFSET_MS);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function lagosParts(ms: number): LagosParts {
  const l = shifted(ms);
  return {
    year: l.getUTCFullYear(),
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    second: l.getUTCSeconds(),
  };
}

/** The instant a Lagos wall-clock time names. Out-of-range fields roll over as in Date.UTC. */
export function lagosInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - LAGOS_OFFSET_MS;
}

// ---------------------------------------------------------------------------------------------
// Days and months.

/** Days since 1970-01-01 counted in Lagos: the number agent_daily_earnings groups by. */
export function lagosDayNumber(ms: number): number {
  return Math.floor((ms + LAGOS_OFFSET_MS) / DAY_MS);
}

/** The instant the Lagos day containing `ms` starts (23:00 UTC the day before). */
export function startOfLagosDay(ms: number): number {
  return lagosDayNumber(ms) * DAY_MS - LAGOS_OFFSET_MS;
}

/** "2025-06-15": the Lagos date at `ms`. */
export function lagosDate(ms: number): string {
  return shifted(ms).toISOString().slice(0, 10);
}

/** "2025-06-15" for a Lagos day number. */
export function lagosDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The instant the Lagos month containing `ms` starts. */
export function startOfLagosMonth(ms: number): number {
  const { year, month } = lagosParts(ms);
  return lagosInstant(year, month, 1);
}

/** The instant the next Lagos month starts: the exclusive end of the month containing `ms`. */
export function endOfLagosMonth(ms: number): number {
  const { year, month } = lagosParts(ms);
  return lagosInstant(year, month + 1, 1); // Date.UTC rolls month 13 into January of the next year
}

// ---------------------------------------------------------------------------------------------
// Date filters: "YYYY-MM-DD" typed or picked by a person, read as Lagos days.

/** "2025-06-15" → the instant that Lagos day starts; null unless the text is a real calendar date. */
export function parseLagosDay(text: string | undefined): number | null {
  const m = text === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const start = lagosInstant(Number(m[1]), Number(m[2]), Number(m[3]));
  return lagosDate(start) === text ? start : null; // refuses 2025-02-31, which Date.UTC would roll into March
}

/** A from–to filter of Lagos dates as instants: `from` inclusive, `to` exclusive (the day after `to` starts). */
export function lagosDayRange(
  from: string | undefined,
  to: string | undefined,
): { from?: number; to?: number } {
  const start = parseLagosDay(from);
  const end = parseLagosDay(to);
  return { from: start ?? undefined, to: end === null ? undefined : end + DAY_MS };
}

// ---------------------------------------------------------------------------------------------
// Hours: Lagos hours begin on UTC hours (the offset is one whole hour), so chart buckets align.

/** The instant the Lagos hour containing `ms` starts. */
export function startOfLagosHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/** "07": the Lagos hour of day at `ms`, for chart labels. */
export function lagosHourLabel(ms: number): string {
  return pad(lagosParts(ms).hour);
}

// ---------------------------------------------------------------------------------------------
// Text.

/** "2025-06-15T14:30:05+01:00": ISO 8601 with the Lagos offset, for CSV exports spreadsheets can sort. */
export function lagosIsoString(ms: number): string {
  return `${shifted(ms).toISOString().slice(0, 19)}${LAGOS_OFFSET_TEXT}`;
}

/** "2025-06-15 14:30:05": Lagos wall clock, date then time, no offset (simulated provider answers). */
export function lagosDateTimeText(ms: number): string {
  return shifted(ms).toISOString().slice(0, 19).replace('T', ' ');
}

// ---------------------------------------------------------------------------------------------
// SQL over epoch-millisecond columns (plain text: `column` must be a trusted column name).

/** SQL for the Lagos day number of `column`: the same number lagosDayNumber gives. */
export function lagosDayNumberSql(column: string): string {
  return `((${column} + ${LAGOS_OFFSET_MS}) / ${DAY_MS})`;
}

/** SQL for the "YYYY-MM-DD" Lagos date of `column`: the same text lagosDate gives, on either engine. */
export function lagosDateSql(column: string, engine: 'sqlite' | 'postgres' = 'sqlite'): string {
  return engine === 'postgres'
    ? `to_char(to_timestamp((${column} + ${LAGOS_OFFSET_MS}) / ${SECOND_MS}) at time zone 'UTC', 'YYYY-MM-DD')`
    : `date((${column} + ${LAGOS_OFFSET_MS}) / ${SECOND_MS}, 'unixepoch')`;
}

/** SQL for the start of the Lagos hour of `column`: the same instant startOfLagosHour gives. */
export function lagosHourSql(column: string): string {
  return `((${column} / ${HOUR_MS}) * ${HOUR_MS})`;
}
