/*
 * Each schema and its committed migrations agree: drizzle-kit, asked to compare the latest snapshot it
 * wrote with the schema as the TypeScript now declares it, has nothing left to generate. Otherwise a
 * schema edit without `npm run db:generate` / `db:generate-pg` would pass the dialect test (which
 * compares migrated databases) while the TypeScript and the database disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  generateDrizzleJson,
  generateMigration,
  generateSQLiteDrizzleJson,
  generateSQLiteMigration,
  type DrizzleSnapshotJSON,
  type DrizzleSQLiteSnapshotJSON,
} from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '@/db/schema';
import * as pgSchema from '@/db/schema-pg';

function latestSnapshot<T>(folder: string): T {
  const meta = path.join(process.cwd(), 'db', folder, 'meta');
  const journal = JSON.parse(fs.readFileSync(path.join(meta, '_journal.json'), 'utf8')) as {
    entries: { idx: number }[];
  };
  const last = Math.max(...journal.entries.map((e) => e.idx));
  const file = path.join(meta, `${String(last).padStart(4, '0')}_snapshot.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

describe('the committed migrations are up to date with their schema', () => {
  it('SQLite: db/schema needs no new migration in db/migrations', async () => {
    const committed = latestSnapshot<DrizzleSQLiteSnapshotJSON>('migrations');
    const declared = await generateSQLiteDrizzleJson(sqliteSchema, committed.id);
    expect(await generateSQLiteMigration(committed, declared)).toEqual([]);
  });

  it('PostgreSQL: db/schema-pg needs no new migration in db/migrations-pg', async () => {
    const committed = latestSnapshot<DrizzleSnapshotJSON>('migrations-pg');
    const declared = generateDrizzleJson(pgSchema, committed.id);
    expect(await generateMigration(committed, declared)).toEqual([]);
  });
});
