import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  endOfLagosMonth,
  lagosDate,
  lagosDateOfDayNumber,
  lagosDateSql,
  lagosDateTimeText,
  lagosDayNumber,
  lagosDayNumberSql,
  lagosDayRange,
  lagosHourLabel,
  lagosHourSql,
  lagosInstant,
  lagosIsoString,
  lagosParts,
  parseLagosDay,
  startOfLagosDay,
  startOfLagosHour,
  startOfLagosMonth,
} from './lagos';

// Every expected value below is worked out by hand from Lagos = UTC+1 (no daylight saving) and
// written as a literal UTC instant or string; day numbers are days since 1970-01-01.
const utc = (iso: string) => Date.parse(iso);

describe('Lagos time across a Lagos midnight (23:30 UTC is 00:30 the next day in Lagos)', () => {
  const at = utc('2025-06-14T23:30:05Z');

  it('is already the next day', () => {
    expect(lagosDate(at)).toBe('2025-06-15');
    expect(lagosParts(at)).toEqual({
      year: 2025,
      month: 6,
      day: 15,
      hour: 0,
      minute: 30,
      second: 5,
    });
    expect(lagosDayNumber(at)).toBe(20254);
    expect(lagosDateOfDayNumber(20254)).toBe('2025-06-15');
    expect(startOfLagosDay(at)).toBe(utc('2025-06-14T23:00:00Z'));
  });

  it('is still the same day one millisecond before 23:00 UTC', () => {
    const before = utc('2025-06-14T22:59:59.999Z');
    expect(lagosDate(before)).toBe('2025-06-14');
    expect(lagosDayNumber(before)).toBe(20253);
    expect(startOfLagosDay(before)).toBe(utc('2025-06-13T23:00:00Z'));
    expect(startOfLagosDay(utc('2025-06-14T23:00:00Z'))).toBe(utc('2025-06-14T23:00:00Z')); // the boundary itself
  });

  it('writes Lagos wall-clock text and hour labels', () => {
    expect(lagosIsoString(at)).toBe('2025-06-15T00:30:05+01:00');
    expect(lagosDateTimeText(at)).toBe('2025-06-15 00:30:05');
    expect(lagosHourLabel(at)).toBe('00');
    expect(lagosHourLabel(utc('2025-06-14T22:59:00Z'))).toBe('23');
    expect(startOfLagosHour(at)).toBe(utc('2025-06-14T23:00:00Z'));
  });

  it('turns a Lagos wall-clock time back into the instant', () => {
    expect(lagosInstant(2025, 6, 15, 0, 30, 5)).toBe(at);
    expect(lagosInstant(2025, 6, 15)).toBe(utc('2025-06-14T23:00:00Z'));
  });
});

describe('Lagos time across a month end (31 Jan 23:30 UTC is 1 Feb 00:30 in Lagos)', () => {
  const at = utc('2025-01-31T23:30:00Z');

  it('is already February', () => {
    expect(lagosDate(at)).toBe('2025-02-01');
    expect(lagosDayNumber(at)).toBe(20120);
    expect(startOfLagosMonth(at)).toBe(utc('2025-01-31T23:00:00Z'));
    expect(endOfLagosMonth(at)).toBe(utc('2025-02-28T23:00:00Z'));
  });

  it('is still January an hour earlier', () => {
    const earlier = utc('2025-01-31T22:30:00Z');
    expect(lagosDate(earlier)).toBe('2025-01-31');
    expect(lagosDayNumber(earlier)).toBe(20119);
    expect(startOfLagosMonth(earlier)).toBe(utc('2024-12-31T23:00:00Z'));
    expect(endOfLagosMonth(earlier)).toBe(utc('2025-01-31T23:00:00Z'));
  });

  it('ends a leap February on the 29th', () => {
    expect(endOfLagosMonth(utc('2024-02-15T12:00:00Z'))).toBe(utc('2024-02-29T23:00:00Z'));
    expect(lagosDate(utc('2024-02-29T23:30:00Z'))).toBe('2024-03-01');
  });
});

describe('Lagos time across a year end (31 Dec 23:30 UTC is 1 Jan 00:30 in Lagos)', () => {
  const at = utc('2025-12-31T23:30:00Z');

  it('is already the new year', () => {
    expect(lagosDate(at)).toBe('2026-01-01');
    expect(lagosParts(at)).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      second: 0,
    });
    expect(lagosDayNumber(at)).toBe(20454);
    expect(startOfLagosMonth(at)).toBe(utc('2025-12-31T23:00:00Z'));
    expect(endOfLagosMonth(at)).toBe(utc('2026-01-31T23:00:00Z'));
    expect(lagosIsoString(at)).toBe('2026-01-01T00:30:00+01:00');
  });

  it('ends December on the Lagos new year', () => {
    const december = utc('2025-12-31T22:00:00Z');
    expect(lagosDate(december)).toBe('2025-12-31');
    expect(startOfLagosMonth(december)).toBe(utc('2025-11-30T23:00:00Z'));
    expect(endOfLagosMonth(december)).toBe(utc('2025-12-31T23:00:00Z'));
  });
});

describe('date filters', () => {
  it('reads a date as the Lagos day it names', () => {
    expect(parseLagosDay('2025-06-15')).toBe(utc('2025-06-14T23:00:00Z'));
    expect(parseLagosDay('2026-01-01')).toBe(utc('2025-12-31T23:00:00Z'));
    expect(parseLagosDay('2024-02-29')).toBe(utc('2024-02-28T23:00:00Z'));
  });

  it('refuses text that is not a real calendar date (2025-02-31 used to become 3 March)', () => {
    for (const bad of [
      undefined,
      '',
      '2025-02-31',
      '2025-02-29',
      '2025-13-01',
      '2025-06-00',
      '2025-6-15',
      '15/06/2025',
      '2025-06-15T00:00',
    ]) {
      expect(parseLagosDay(bad), String(bad)).toBeNull();
    }
  });

  it('makes a from–to range that includes the whole last day', () => {
    expect(lagosDayRange('2025-06-15', '2025-06-15')).toEqual({
      from: utc('2025-06-14T23:00:00Z'),
      to: utc('2025-06-15T23:00:00Z'),
    });
    expect(lagosDayRange('2025-01-31', '2025-12-31')).toEqual({
      from: utc('2025-01-30T23:00:00Z'),
      to: utc('2025-12-31T23:00:00Z'),
    });
    expect(lagosDayRange(undefined, 'nonsense')).toEqual({ from: undefined, to: undefined });
  });
});

describe('the SQL twins give the same days and hours as SQLite computes them', () => {
  // As in the portal's tables: an INTEGER column of epoch milliseconds.
  const db = new Database(':memory:');
  db.exec('create table t (created_at integer not null)');
  const one = (expression: string, ms: number) => {
    db.prepare('delete from t').run();
    db.prepare('insert into t (created_at) values (?)').run(ms);
    return (db.prepare(`select ${expression} as v from t`).get() as { v: number | string }).v;
  };

  it('across a Lagos midnight, a month end and a year end', () => {
    expect(one(lagosDayNumberSql('created_at'), utc('2025-06-14T23:30:00Z'))).toBe(20254);
    expect(one(lagosDayNumberSql('created_at'), utc('2025-06-14T22:59:59.999Z'))).toBe(20253);
    expect(one(lagosDateSql('created_at'), utc('2025-01-31T23:30:00Z'))).toBe('2025-02-01');
    expect(one(lagosDateSql('created_at'), utc('2025-01-31T22:30:00Z'))).toBe('2025-01-31');
    expect(one(lagosDateSql('created_at'), utc('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(one(lagosHourSql('created_at'), utc('2025-06-14T23:30:05Z'))).toBe(
      utc('2025-06-14T23:00:00Z'),
    );
  });
});
