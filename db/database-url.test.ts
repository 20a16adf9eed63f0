import { describe, expect, it } from 'vitest';
import { describeDatabase, isPostgresUrl, refuseOnPostgres } from './database-url';

describe('DATABASE_URL', () => {
  it('recognises both spellings of a PostgreSQL URL and nothing else', () => {
    expect(isPostgresUrl('postgres://u:p@127.0.0.1:5432/portal')).toBe(true);
    expect(isPostgresUrl('postgresql://u@db/portal')).toBe(true);
    expect(isPostgresUrl('./data/portal.db')).toBe(false);
    expect(isPostgresUrl('mysql://u@db/portal')).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });

  it('names the database for a log line without its password', () => {
    expect(describeDatabase('postgres://u:secret@db.internal:5432/portal', './x.db')).toBe(
      'PostgreSQL db.internal:5432/portal',
    );
    expect(describeDatabase(undefined, './data/portal.db')).toBe('./data/portal.db');
  });

  it('refuses a SQLite-only tool on PostgreSQL, saying what to use instead', () => {
    expect(() =>
      refuseOnPostgres('npm run backup', 'use pg_dump', 'postgres://u@db/portal'),
    ).toThrow(/npm run backup works on the SQLite file.*use pg_dump/);
    expect(() => refuseOnPostgres('npm run backup', 'use pg_dump', undefined)).not.toThrow();
  });
});
