/**
 * Child process: a fresh portal database for the run (needs the bench simulator up): the SQLite file,
 * or with TEST_ENGINE=postgres a new database on the bench's server. Prints {agentId, productId,
 * apiKey, location}: the file, or the database's URL the portals are given as DATABASE_URL.
 */
import { closeDatabase } from '@/db/query';
import { PORTAL_DB, SIMULATOR_URL } from './config';
import { prepareBenchDatabase } from './world';

async function main() {
  const { db, agentId, productId, apiKey, location } = await prepareBenchDatabase(
    PORTAL_DB,
    SIMULATOR_URL,
  );
  await closeDatabase(db); // closes the handle only: the database stays for the portals
  process.stdout.write(`${JSON.stringify({ agentId, productId, apiKey, location })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
