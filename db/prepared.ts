import type { Db } from './engine';
import { rowsWritten } from './query';

type Params = Record<string, unknown>;
type SqlitePrepared<R> = {
  get(p?: Params): Promise<R | undefined>;
  all(p?: Params): Promise<R[]>;
  run(p?: Params): Promise<unknown>;
};
type PgPrepared<R> = { execute(p?: Params): Promise<R[]> };

/** A query prepared once per connection, run with its placeholders' values. */
export interface PreparedQuery<R> {
  get(values?: Params): Promise<R | undefined>;
  all(values?: Params): Promise<R[]>;
  /** Runs the statement; resolves to how many rows it wrote. */
  run(values?: Params): Promise<number>;
}

type RowOf<B> = Awaited<B> extends (infer R)[] ? R : never;

// One counter per process, on globalThis: Next bundles this module once per entry and every copy
// prepares on the same pooled connections, where a name may stand for one statement only.
const counter = globalThis as unknown as Record<symbol, { next: number } | undefined>;
const names = (counter[Symbol.for('portal.prepared.names')] ??= { next: 0 });

/**
 * Drizzle builds the SQL text on every call, which on the sale's hot path costs more than running the
 * statement. `prepared(build)` keeps one prepared query per session instead: `build` runs once per
 * database or transaction handle (with `sql.placeholder` for the values) and each call only binds the
 * values. On PostgreSQL the query is a named prepared statement, parsed once per pooled connection.
 */
export function prepared<B extends PromiseLike<unknown> & { prepare(name?: string): unknown }>(
  build: (db: Db) => B,
): (db: Db) => PreparedQuery<RowOf<B>> {
  const name = `portal_q${++names.next}`;
  const bySession = new WeakMap<object, PreparedQuery<RowOf<B>>>();
  return (db) => {
    const session = (db as unknown as { session?: object }).session;
    if (!session) throw new Error('prepared(): not a Drizzle database or transaction');
    let query = bySession.get(session);
    if (query === undefined) {
      query =
        db.engine === 'postgres'
          ? forPostgres(build(db).prepare(name))
          : forSqlite(build(db).prepare());
      bySession.set(session, query);
    }
    return query;
  };
}

function forSqlite<R>(prepared: unknown): PreparedQuery<R> {
  const q = prepared as SqlitePrepared<R>;
  return {
    get: (values) => q.get(values),
    all: (values) => q.all(values),
    run: async (values) => rowsWritten(await q.run(values)),
  };
}

function forPostgres<R>(prepared: unknown): PreparedQuery<R> {
  const q = prepared as PgPrepared<R>;
  return {
    get: async (values) => (await q.execute(values))[0],
    all: (values) => q.execute(values),
    run: async (values) => rowsWritten(await q.execute(values)),
  };
}
