/**
 * Reads the bench database from the orchestrator (a third process: WAL lets it read while the
 * portal writes): purchases by status for the bench agent, once a second during the mixed phase.
 */
import Database from 'better-sqlite3';

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

export function openReader(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const byStatus = db.prepare(
    'select status, count(*) as n from purchases where agent_id = ? and created_at >= ? group by status',
  );
  const counts = (agentId: number, since: number): StatusCounts =>
    Object.fromEntries(
      (byStatus.all(agentId, since) as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
  const sample = (agentId: number, since: number, t: number): Sample => {
    const c = counts(agentId, since);
    const sum = (keys: string[]) => keys.reduce((a, k) => a + (c[k] ?? 0), 0);
    return {
      t,
      counts: c,
      final: sum(FINAL),
      pending: sum(PENDING),
      manualReview: c.MANUAL_REVIEW ?? 0,
    };
  };
  const bySuffix = db.prepare(
    'select substr(phone, -2) as suffix, status, count(*) as n from purchases where agent_id = ? and created_at >= ? group by 1, 2',
  );
  /** Final status per simulator scenario (the phone's last two digits; 00–49 are all "success"). */
  const byScenario = (agentId: number, since: number): Record<string, StatusCounts> => {
    const out: Record<string, StatusCounts> = {};
    for (const r of bySuffix.all(agentId, since) as {
      suffix: string;
      status: string;
      n: number;
    }[]) {
      const key = Number(r.suffix) < 50 ? '00-49' : r.suffix;
      const bucket = (out[key] ??= {});
      bucket[r.status] = (bucket[r.status] ?? 0) + r.n;
    }
    return out;
  };
  // The sale's own provider answer, when it was not definite (timeout, reset, 5xx, pending): under an
  // instant simulator these are provider calls that outlived PROVIDER_TIMEOUT_MS because the host was saturated.
  const ambiguousStmt =
    db.prepare(`select count(*) as n from purchase_events e join purchases p on p.id = e.purchase_id
    where p.agent_id = ? and p.created_at >= ? and e.kind = 'provider_answer' and e.status in ('UNKNOWN', 'PENDING')`);
  const ambiguousAnswers = (agentId: number, since: number) =>
    (ambiguousStmt.get(agentId, since) as { n: number }).n;
  return { counts, sample, byScenario, ambiguousAnswers, close: () => db.close() };
}
