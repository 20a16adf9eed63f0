// The proofs' world and small helpers. Each proof file builds one world over a real file and the real
// simulator over HTTP; every run forks its own copy, so it starts from a known state in milliseconds
// instead of re-seeding and re-syncing over HTTP.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { createWorld } from '@/test/world';
import { first, rows } from '@/db/query';

/** Pending sales resolve after 20 ms and a 53 is held 10 s: a proof that must see a pending sale holds it. */
export const proofWorld = async (saleTimeoutMs: number) =>
  await createWorld({
    saleTimeoutMs,
    simulator: { kind: 'http', pendingResolveMs: 20, timeoutHoldMs: 10_000 },
  });

/** References stamped with the real time (the simulator checks them), whatever clock the ledger uses. */
export const realTimeReferences = () => createReferenceGenerator(() => new Date());

/** A Nigerian number whose last two digits pick the simulator's outcome. */
export const magicPhone = (middle: number, lastTwo: string) =>
  `0803${String(middle % 100_000).padStart(5, '0')}${lastTwo}`;

export const count = async (db: Db, table: string) =>
  (await first(rows<{ n: number }>(db, sql.raw(`select count(*) as n from ${table}`))))?.n ?? 0;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
