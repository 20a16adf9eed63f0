import type { Tx } from './transaction';

/**
 * Drizzle builds the SQL text and has SQLite prepare it again on every call, which on the sale's hot
 * path costs more than running the statement. `prepared(build)` keeps one prepared query per
 * connection instead: `build` runs once per database (with `sql.placeholder` for the values) and each
 * call only binds the values. A Drizzle transaction shares its database's session, so the query
 * prepared on either serves both.
 */
export function prepared<T>(build: (db: Tx) => T): (db: Tx) => T {
  const bySession = new WeakMap<object, T>();
  return (db) => {
    const session = (db as unknown as { session?: object }).session;
    if (!session) throw new Error('prepared(): not a Drizzle database or transaction');
    let query = bySession.get(session);
    if (query === undefined) {
      query = build(db);
      bySession.set(session, query);
    }
    return query;
  };
}
