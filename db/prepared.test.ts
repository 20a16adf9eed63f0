import { describe, expect, it, vi } from 'vitest';
import type { Db } from './engine';

/** A PostgreSQL-like handle whose builders record the name each statement is prepared under. */
function recordingHandle(names: string[]) {
  const db = { engine: 'postgres', session: {} } as unknown as Db;
  const build = () => ({
    then: undefined as never,
    prepare: (name?: string) => {
      names.push(name ?? '');
      return { execute: async () => [] };
    },
  });
  return { db, build };
}

// Next bundles db/ once per entry (instrumentation, each route), and all the copies share one pool:
// a name two copies both gave to different statements fails on PostgreSQL ("Prepared statements
// must be unique") the moment one connection has prepared both.
describe('prepared statement names', () => {
  it('are unique across copies of the module in one process', async () => {
    const first = await import('./prepared');
    vi.resetModules();
    const second = await import('./prepared');
    expect(second.prepared).not.toBe(first.prepared);
    const names: string[] = [];
    const { db, build } = recordingHandle(names);
    first.prepared(build)(db);
    second.prepared(build)(db);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
  });
});
