/**
 * Reads the bench database from the orchestrator (a third process: WAL lets it read while the
 * portal writes; on PostgreSQL a connection of its own): purchases by status for the bench agent,
 * once a second during the mixed phase.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '@/db/database-url';

export type StatusCounts = Record<string, number>;
export interface Sample {
  t: number;
  counts: StatusCounts;
  final: number;
  pending: number;
  manualReview: number;
}

const FINAL = ['SUCCESS', 'FAILED', 'REVERSED'];
const PENDING = ['PENDING', 'UNKNOWN'];

/** The three queries the orchestrator reads with, on either engine. */
interface Queries {
  byStatus(agentId: number, since: number): Promise<{ status: string; n: number }[]>;
  bySuffix(
    agentId: number,
    since: number,
  ): Promise<{ suffix: string; status: string; n: number }[]>;
  ambiguous(agentId: number, since: number): Promise<number>;
  close(): Promise<void>;
}

const BY_STATUS =
  'select status, count(*) as n from purchases where agent_id = $1 and created_at >= $2 group by status';
// The phone's last two digits: SQLite has no right(), PostgreSQL's substr takes no negative start.
const BY_SUFFIX = (lastTwo: string) =>
  `select ${lastTwo} as suffix, status, count(*) as n from purchases where agent_id = $1 and created_at >= $2 group by 1, 2`;
// The sale's own provider answer, when it was not definite (timeout, reset, 5xx, pending): under an
// instant simulator these are provider calls that outlived PROVIDER_TIMEOUT_MS because the host was saturated.
const AMBIGUOUS = `select count(*) as n from purchase_events e join purchases p on p.id = e.purchase_id
    where p.agent_id = $1 and p.created_at >= $2 and e.kind = 'provider_answer' and e.status in ('UNKNOWN', 'PENDING')`;

function sqliteQueries(file: string): Queries {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const positional = (text: string) => db.prepare(text.replace(/\$\d/g, '?'));
  const byStatus = positional(BY_STATUS);
  const bySuffix = positional(BY_SUFFIX('substr(phone, -2)'));
  const ambiguous = positional(AMBIGUOUS);
  return {
    byStatus: async (a, s) => byStatus.all(a, s) as { status: string; n: number }[],
    bySuffix: async (a, s) => bySuffix.all(a, s) as { suffix: string; status: string; n: number }[],
    ambiguous: async (a, s) => (ambiguous.get(a, s) as { n: number }).n,
    close: async () => void db.close(),
  };
}

function pgQueries(url: string): Queries {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const all = async (text: string, a: number, s: number) =>
    (await pool.query<Record<string, string>>(text, [a, s])).rows;
  return {
    byStatus: async (a, s) =>
      (await all(BY_STATUS, a, s)).map((r) => ({ status: r.status!, n: Number(r.n) })),
    bySuffix: async (a, s) =>
      (await all(BY_SUFFIX('right(phone, 2)'), a, s)).map((r) => ({
        suffix: r.suffix!,
        status: r.status!,
        n: Number(r.n),
      })),
    ambiguous: async (a, s) => Number((await all(AMBIGUOUS, a, s))[0]?.n ?? 0),
    close: () => pool.end(),
  };
}

/** A reader of the portal's database: a SQLite file, or a PostgreSQL database's URL. */
export function openReader(location: string) {
  const q = isPostgresUrl(location) ? pgQueries(location) : sqliteQueries(location);
  const counts = async (agentId: number, since: number): Promise<StatusCounts> =>
    Object.fromEntries((await q.byStatus(agentId, since)).map((r) => [r.status, r.n]));
  const sample = async (agentId: number, since: number, t: number): Promise<Sample> => {
    const c = await counts(agentId, since);
    const sum = (keys: string[]) => keys.reduce((a, k) => a + (c[k] ?? 0), 0);
    return {
      t,
      counts: c,
      final: sum(FINAL),
      pending: sum(PENDING),
      manualReview: c.MANUAL_REVIEW ?? 0,
    };
  };
  /** Final status per simulator scenario (the phone's last two digits; 00–49 are all "success"). */
  const byScenario = async (
    agentId: number,
    since: number,
  ): Promise<Record<string, StatusCounts>> => {
    const out: Record<string, StatusCounts> = {};
    for (const r of await q.bySuffix(agentId, since)) {
      const key = Number(r.suffix) < 50 ? '00-49' : r.suffix;
      const bucket = (out[key] ??= {});
      bucket[r.status] = (bucket[r.status] ?? 0) + r.n;
    }
    return out;
  };
  return { counts, sample, byScenario, ambiguousAnswers: q.ambiguous, close: q.close };
}

export type Reader = ReturnType<typeof openReader>;
