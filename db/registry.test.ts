import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((raw) => raw.close()));

// Next bundles db/ once per entry (instrumentation, each route): the handle getDb() keeps on
// globalThis is opened by one copy of these modules and used by the others.
describe('a handle opened by one copy of the db modules', () => {
  it('is a SQLite handle to every other copy', async () => {
    const first = await import('./sqlite/connection');
    vi.resetModules();
    const second = await import('./sqlite/connection');
    expect(second.sqliteConnectionOf).not.toBe(first.sqliteConnectionOf);
    const raw = new Database(':memory:');
    opened.push(raw);
    const db = first.register(new first.SqliteConnection(raw));
    expect(second.sqliteConnectionOf(db).raw).toBe(raw);
  });
});
