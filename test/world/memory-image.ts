// A memory world's seeded database, as bytes: the real schema and migrations in an in-memory SQLite
// database, copied per test in microseconds (serialize/deserialize). No files, no fsync, no sockets, no
// processes: the layer the mutation run uses. What only a real file, real HTTP or real processes can show
// stays in the proofs (test/proof).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { adoptSqlite, type Db } from '@/db/client';
import { env } from '@/lib/env';

export interface MemoryImage {
  bytes: Buffer;
  agentId: number;
}

// The seeded image is cached on disk between runs (a mutation run re-enters each test file per mutant, and
// seeding hashes three demo passwords). The key covers everything the image is built from.
const IMAGE_SOURCES = [
  'db/migrations',
  'db/seed.ts',
  'simulator/catalogue.ts',
  'lib/catalogue/sync.ts',
  'test/world/index.ts',
];

function imageKey(options: string): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    if (fs.statSync(file).isDirectory())
      fs.readdirSync(file)
        .sort()
        .forEach((f) => add(path.join(file, f)));
    else hash.update(file).update(fs.readFileSync(file));
  };
  IMAGE_SOURCES.forEach(add);
  hash.update(options);
  // The seeded provider credentials are sealed with this run's key: an image from a run with another
  // key would hold credentials nobody can open, and every sale would find its provider unconfigured.
  hash.update(env.CREDENTIALS_KEY);
  return hash.digest('hex').slice(0, 16);
}

/** Reads the image built from these options, or builds and keeps it. */
export async function cachedMemoryImage(
  options: string,
  build: () => Promise<MemoryImage>,
): Promise<MemoryImage> {
  const cache = path.join(os.tmpdir(), `portal-memory-world-${imageKey(options)}`);
  if (fs.existsSync(`${cache}.db`) && fs.existsSync(`${cache}.json`)) {
    return {
      bytes: fs.readFileSync(`${cache}.db`),
      ...(JSON.parse(fs.readFileSync(`${cache}.json`, 'utf8')) as { agentId: number }),
    };
  }
  const image = await build();
  const tmp = `${cache}.${process.pid}`;
  fs.writeFileSync(`${tmp}.db`, image.bytes);
  fs.writeFileSync(`${tmp}.json`, JSON.stringify({ agentId: image.agentId }));
  fs.renameSync(`${tmp}.db`, `${cache}.db`); // atomic: a parallel worker sees the whole image or none
  fs.renameSync(`${tmp}.json`, `${cache}.json`);
  return image;
}

export function openMemoryImage(bytes: Buffer): Db {
  const sqlite = new Database(bytes);
  sqlite.pragma('foreign_keys = ON');
  return adoptSqlite(sqlite);
}
