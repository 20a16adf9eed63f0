/** Child process: a fresh portal database for the run (needs the bench simulator up). Prints {agentId, productId, apiKey}. */
import { closeDatabase } from '@/db/query';
import { PORTAL_DB, SIMULATOR_URL } from './config';
import { prepareBenchDatabase } from './world';

async function main() {
  const { db, agentId, productId, apiKey } = await prepareBenchDatabase(PORTAL_DB, SIMULATOR_URL);
  await closeDatabase(db);
  process.stdout.write(`${JSON.stringify({ agentId, productId, apiKey })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
