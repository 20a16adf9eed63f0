import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './engine';
import { SqliteConnection, register, sqliteConnectionOf } from './sqlite/connection';

export type { Db, Tx, Engine } from './engine';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/**
 * Opens (and creates) a SQLite file with the settings the money rules need:
 * WAL for concurrent readers, synchronous=FULL so a committed debit survives power loss
 * (better-sqlite3 defaults to NORMAL under WAL), a busy timeout so writers queue instead of failing.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  if (options.migrate !== false) migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
  return adoptSqlite(sqlite);
}

/** The portal's handle on a connection opened elsewhere (an in-memory image, a restore's copy). */
export function adoptSqlite(sqlite: Database.Database): Db {
  return register(new SqliteConnection(sqlite));
}

/** The better-sqlite3 connection under a SQLite handle: for what only SQLite has (backups, pragmas). */
export function sqliteFile(db: Db): Database.Database {
  return sqliteConnectionOf(db).raw;
}
