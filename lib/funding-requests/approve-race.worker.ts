// Test helper: one OS process approving one funding request, so the race test has real concurrency.
import { openDatabase, sqliteFile } from '@/db/client';
import { approveFundingRequest } from './commands';

const [file, id, startAt] = process.argv.slice(2);
const db = openDatabase(file!, { migrate: false });
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
sqliteFile(db).close();
