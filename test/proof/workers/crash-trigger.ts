// Kills this worker process from inside a statement of its own transaction, on either engine, so the
// transaction is cut off mid-way as a power cut would (SIGKILL: no COMMIT, no ROLLBACK sent).
// - SQLite: a TEMP trigger (this connection only) calls a JS function that kills the process.
// - PostgreSQL: triggers are schema-wide, so the trigger fires only for sessions that set
//   `proof.crash`; it raises a NOTICE, which reaches the client before the statement's result does,
//   and the client kills the process on it. The server rolls the dead session's transaction back.
import { sql } from 'drizzle-orm';
import { sqliteFile } from '@/db/client';
import type { Db } from '@/db/engine';
import { execute } from '@/db/query';
import { poolOf } from '@/db/pg/runtime';

export interface CrashTrigger {
  /** `insert` or `update` */
  event: 'insert' | 'update';
  table: string;
  /** A condition on `new` (subqueries allowed), in SQL both engines read. */
  when: string;
}

export const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

export async function crashWhen(db: Db, t: CrashTrigger): Promise<void> {
  if (db.engine === 'sqlite') {
    sqliteFile(db).function('proof_crash', () => die());
    sqliteFile(db).exec(
      `create temp trigger proof_crash after ${t.event} on ${t.table} when ${t.when} begin select proof_crash(); end`,
    );
    return;
  }
  // Armed before the pool's first connection: every session of this worker crashes at the trigger.
  poolOf(db).on('connect', (client) => {
    client.on('notice', (notice) => {
      if (notice.message === 'proof_crash') die();
    });
    void client.query(`set proof.crash = 'on'`);
  });
  await execute(
    db,
    sql.raw(`create or replace function proof_crash() returns trigger language plpgsql as $fn$
      begin
        if current_setting('proof.crash', true) = 'on' and (${t.when}) then
          raise notice 'proof_crash';
        end if;
        return null;
      end $fn$`),
  );
  await execute(db, sql.raw(`drop trigger if exists proof_crash on ${t.table}`));
  await execute(
    db,
    sql.raw(
      `create trigger proof_crash after ${t.event} on ${t.table} for each row execute function proof_crash()`,
    ),
  );
}
