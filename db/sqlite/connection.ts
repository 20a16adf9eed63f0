import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import type { Db } from '../engine';
import * as schema from '../schema';
import { processWide } from '../process-wide';

type Method = 'run' | 'all' | 'values' | 'get';

/** How long a statement outside a transaction, or a second transaction, waits for the open one. */
const LOCK_WAIT_MS = 30_000;

/**
 * One better-sqlite3 connection shared by the whole process, behind Drizzle's asynchronous driver.
 *
 * better-sqlite3 runs each statement synchronously, so the connection itself is never busy; what must
 * be serialised is the *transaction*: while a body awaits (its own statements, or a helper that awaits
 * them), any other async context of the process could run a statement on the same connection, and it
 * would silently become part of the open transaction (and roll back with it). So the connection has two
 * handles: `inside`, handed only to the body of the one open transaction, runs at once; `outside`, the
 * process's handle, waits while a transaction is open. Transactions queue for the lock in order.
 */
export class SqliteConnection {
  readonly raw: Database.Database;
  readonly outside: Db;
  readonly inside: Db;
  private readonly readers = new Map<string, Database.Statement>();
  private readonly objectReaders = new Map<string, Database.Statement>();
  private queue: Promise<void> = Promise.resolve();
  /** Transactions opened or waiting to open: with none, the next one starts without waiting. */
  private pending = 0;
  private open: Promise<void> | null = null;
  private savepoints = 0;
  // Prepared once: exec() would parse them again for every transaction.
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;

  constructor(raw: Database.Database) {
    this.raw = raw;
    this.begin = raw.prepare('begin immediate');
    this.commit = raw.prepare('commit');
    this.rollback = raw.prepare('rollback');
    this.outside = Object.assign(
      drizzle(
        async (text, params, method) => {
          while (this.open) await this.waitFor(this.open, 'a statement outside the transaction');
          return this.execute(text, params, method);
        },
        { schema },
      ),
      { engine: 'sqlite' as const },
    );
    this.inside = Object.assign(
      drizzle(async (text, params, method) => this.execute(text, params, method), { schema }),
      { engine: 'sqlite' as const },
    );
  }

  /** Runs one statement now: rows as arrays, the shape Drizzle maps to its fields. */
  private execute(text: string, params: unknown[], method: Method): { rows: unknown[] } {
    const statement = this.statement(this.readers, text, true);
    if (method === 'run' || !statement.reader) {
      // `changes` is what db/query.ts `written` reads: how many rows the statement wrote.
      return { rows: [], changes: statement.run(...params).changes } as { rows: unknown[] };
    }
    if (method === 'get') return { rows: statement.get(...params) as unknown[] };
    return { rows: statement.all(...params) };
  }

  /** A raw query's rows as objects keyed by column name (db/query.ts `rows`). */
  async objects(text: string, params: unknown[], inTransaction: boolean): Promise<unknown[]> {
    if (!inTransaction)
      while (this.open) await this.waitFor(this.open, 'a statement outside the transaction');
    const statement = this.statement(this.objectReaders, text, false);
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.all(...params);
  }

  private statement(
    cache: Map<string, Database.Statement>,
    text: string,
    arrays: boolean,
  ): Database.Statement {
    let statement = cache.get(text);
    if (!statement) {
      statement = this.raw.prepare(text);
      if (arrays && statement.reader) statement.raw(true);
      cache.set(text, statement);
    }
    return statement;
  }

  /**
   * Runs `body` in one BEGIN IMMEDIATE transaction (the write lock is taken at BEGIN, so two processes'
   * writers queue on busy_timeout instead of one failing at its first write), after every transaction
   * of this process opened before it. Called from inside a body (with `inside`), it is a savepoint.
   */
  async transaction<T>(handle: Db, body: (tx: Db) => Promise<T>): Promise<T> {
    if (handle === this.inside) return this.savepoint(body);
    const previous = this.queue;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.queue = previous.then(() => mine);
    if (this.pending++ > 0) await this.waitFor(previous, 'another transaction');
    this.open = mine;
    try {
      this.begin.run();
      try {
        const result = await body(this.inside);
        this.commit.run();
        return result;
      } catch (error) {
        if (this.raw.inTransaction) this.rollback.run();
        throw error;
      }
    } finally {
      this.open = null;
      this.pending -= 1;
      release();
    }
  }

  private async savepoint<T>(body: (tx: Db) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    this.raw.exec(`savepoint ${name}`);
    try {
      const result = await body(this.inside);
      this.raw.exec(`release ${name}`);
      return result;
    } catch (error) {
      this.raw.exec(`rollback to ${name}`);
      this.raw.exec(`release ${name}`);
      throw error;
    }
  }

  /**
   * Waits for the open transaction; a wait this long means a transaction body used the process's
   * handle instead of its `tx` (it would wait for itself), so fail loudly instead of hanging.
   */
  private async waitFor(done: Promise<void>, who: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `SQLite: ${who} waited ${LOCK_WAIT_MS / 1000} s for the open transaction ` +
                '(does a transaction body use the database instead of its tx?)',
            ),
          ),
        LOCK_WAIT_MS,
      );
      timer.unref();
    });
    try {
      await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

// One per process, whichever bundled copy of this module runs (db/process-wide.ts).
const connections = processWide('sqlite-connections', () => new WeakMap<Db, SqliteConnection>());

/** Registers both handles of a new connection so db/transaction.ts and db/query.ts can find it. */
export function register(connection: SqliteConnection): Db {
  connections.set(connection.outside, connection);
  connections.set(connection.inside, connection);
  return connection.outside;
}

export function sqliteConnectionOf(db: Db): SqliteConnection {
  const connection = connections.get(db);
  if (!connection) throw new Error('Not a SQLite handle of db/sqlite/connection.ts');
  return connection;
}
