import type { Db } from './engine';
import { processWide } from './process-wide';
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

// Statement names are unique per process, whichever bundled copy of this module numbers them.
const names = processWide('prepared-names', () => ({ last: 0 }));

/**
 * Drizzle builds the SQL text on every call, which on the sale's hot path costs more than running the
 * statement. `prepared(build)` keeps one prepared query per connection instead: `build` runs once per
 * connection (with `sql.placeholder` for the values) and each call only binds the values. On
 * PostgreSQL the query is a named prepared statement, parsed once per pooled connection.
 */
export function prepared<B extends PromiseLike<unknown> & { prepare(name?: string): unknown }>(
  build: (db: Db) => B,
): (db: Db) => PreparedQuery<RowOf<B>> {
  const name = `portal_q${++names.last}`;
  const byConnection = new WeakMap<object, PreparedQuery<RowOf<B>>>();
  return (db) => {
    const connection = connectionOf(db);
    let query = byConnection.get(connection);
    if (query === undefined) {
      query =
        db.engine === 'postgres'
          ? forPostgres(build(db).prepare(name))
          : forSqlite(build(db).prepare());
      byConnection.set(connection, query);
    }
    return query;
  };
}

/**
 * What a prepared query is bound to. On PostgreSQL every transaction gets a new Drizzle session, but
 * its client is one of the pool's few connections (or the pool itself, outside a transaction): keyed
 * by that client, a query built for one transaction serves every later one on the same connection,
 * instead of being built again per transaction. On SQLite, the session.
 */
function connectionOf(db: Db): object {
  const session = (db as unknown as { session?: { client?: object } }).session;
  if (!session) throw new Error('prepared(): not a Drizzle database or transaction');
  return db.engine === 'postgres' && session.client ? session.client : session;
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
