// One OS process that runs the bulk-sales runner on a shared database file and SIGKILLs itself at a
// chosen point of the third row: inside the sale's reserve transaction, while the provider has the
// request, or after the sale committed but before the row recorded it.
//
//   tsx test/proof/workers/bulk.worker.ts <db file> <step>
import { openAt } from '@/db';
import { runBulkPass } from '@/lib/bulk/runner';
import { crashWhen, die, type CrashTrigger } from './crash-trigger';

export type BulkCrashStep = 'in-reserve-tx' | 'in-flight' | 'before-row-recorded';

const KILL_AT_ROW = 3;
const [file, step] = process.argv.slice(2) as [string, BulkCrashStep];
const db = openAt(file);

// The statement that fires the trigger never commits (./crash-trigger.ts).
const triggers: Partial<Record<BulkCrashStep, CrashTrigger>> = {
  'in-reserve-tx': {
    event: 'insert',
    table: 'ledger_entries',
    when: `new.kind = 'reserve'
    and (select count(*) from purchases where idempotency_key like 'bulk-%') >= ${KILL_AT_ROW}`,
  },
  'before-row-recorded': {
    event: 'update',
    table: 'bulk_rows',
    when: `new.state = 'sent'
    and (select count(*) from bulk_rows where state = 'sent') >= ${KILL_AT_ROW}`,
  },
};

let calls = 0;
/** Dies once the provider has certainly taken the third row's request, before its answer is read. */
const crashingFetch: typeof fetch = async (input, init) => {
  const answer = fetch(input, init);
  if (step === 'in-flight' && ++calls === KILL_AT_ROW) {
    await answer.catch(() => undefined);
    die();
  }
  return answer;
};

const trigger = triggers[step];
(trigger ? crashWhen(db, trigger) : Promise.resolve())
  .then(() =>
    runBulkPass(db, {
      owner: `crash-${process.pid}`,
      sale: { provider: { fetch: crashingFetch } },
    }),
  )
  .then(
    (rows) => process.stdout.write(`${JSON.stringify({ rows })}\n`),
    (error: unknown) => {
      process.stdout.write(`${JSON.stringify({ crashed: String(error) })}\n`);
      process.exit(1);
    },
  );
