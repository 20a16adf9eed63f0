/** Child process: a fresh portal database for the run (needs the bench simulator up). Prints {agentId, productId, apiKey}. */
import { PORTAL_DB, SIMULATOR_URL } from './config';
import { prepareBenchDatabase } from './world';

prepareBenchDatabase(PORTAL_DB, SIMULATOR_URL).then(
  ({ db, agentId, productId, apiKey }) => {
    db.$client.close();
    process.stdout.write(`${JSON.stringify({ agentId, productId, apiKey })}\n`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
