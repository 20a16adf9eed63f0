// Test helper: one OS process approving one funding request, so the race test has real concurrency.
import { openAt } from '@/db';
import { closeDatabase } from '@/db/query';
import { approveFundingRequest } from './commands';

const [location, id, startAt] = process.argv.slice(2);
// A SQLite file or a PostgreSQL URL: the worker joins its test's database on the test's engine.
const db = openAt(location!);
// Start together: every worker waits for the same wall-clock instant.
while (Date.now() < Number(startAt)) {
  /* spin */
}
try {
  const { entryId } = await approveFundingRequest(
    db,
    { userId: null, label: `worker-${process.pid}`, ip: null },
    Number(id),
  );
  process.stdout.write(JSON.stringify({ ok: true, entryId }));
} catch (error) {
  process.stdout.write(
    JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
await closeDatabase(db);
