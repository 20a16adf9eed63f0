/**
 * Reads back what e2e/postgres.spec.ts needs to judge the race, run as its own process with
 * DATABASE_URL set: the agent's wallet, each of its sales with how many resolutions and settlement
 * events it has, and the invariants I1–I9 and E1. Prints JSON.
 *   node --import tsx e2e/postgres/check.ts <agentId>
 */
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { closeDatabase, rows } from '@/db/query';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';

const agentId = Number(process.argv[2]);
const db = getDb();
try {
  const wallet = await findWallet(db, agentId, 'NGN');
  const sales = await rows<{ id: number; status: string; resolutions: number; settled: number }>(
    db,
    sql`select p.id, p.status,
        (select count(*) from purchase_resolutions r where r.purchase_id = p.id) as resolutions,
        (select count(*) from purchase_events e where e.purchase_id = p.id and e.kind = 'settled') as settled
      from purchases p where p.agent_id = ${agentId} order by p.id`,
  );
  console.log(
    JSON.stringify({
      balance: wallet?.balance,
      reserved: wallet?.reserved,
      sales,
      violations: await allViolations(db),
    }),
  );
} finally {
  await closeDatabase(db);
}
