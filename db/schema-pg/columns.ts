import { bigint } from 'drizzle-orm/pg-core';

/*
 * The PostgreSQL column types, chosen once for what a column means. SQLite keeps every integer in 64
 * bits; PostgreSQL makes us choose, so whatever can outgrow 32 bits is a bigint: row ids (and the
 * columns that point at them), money in minor units, and epoch-millisecond times. Drizzle's `number`
 * mode keeps the TypeScript types those of the SQLite schema (exact up to 2^53).
 */

/** A row id: 64-bit like SQLite's rowid; given by the database, or kept when a copy supplies it. */
export const id = () =>
  bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();

/** A column holding another table's id. */
export const ref = (name: string) => bigint(name, { mode: 'number' });

/** Money in integer minor units (lib/money.ts). */
export const minor = (name: string) => bigint(name, { mode: 'number' });

/** A time as milliseconds since the epoch (Date.now()). */
export const epochMs = (name: string) => bigint(name, { mode: 'number' });
