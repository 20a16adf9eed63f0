import { describe, expect, it } from 'vitest';
import { isPostgresUrl, refusePostgresRuntime } from './database-url';

describe('DATABASE_URL before the runtime switch', () => {
  it('recognises both spellings of a PostgreSQL URL and nothing else', () => {
    expect(isPostgresUrl('postgres://u:p@127.0.0.1:5432/portal')).toBe(true);
    expect(isPostgresUrl('postgresql://u@db/portal')).toBe(true);
    expect(isPostgresUrl('./data/portal.db')).toBe(false);
    expect(isPostgresUrl('mysql://u@db/portal')).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });

  it('refuses to run the portal on a PostgreSQL URL, and lets it run on the SQLite file', () => {
    expect(() => refusePostgresRuntime('postgres://u@db/portal')).toThrow(/SQLite only/);
    expect(() => refusePostgresRuntime(undefined)).not.toThrow();
  });
});
