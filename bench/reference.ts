/**
 * The reference run: the last committed full SQLite result (`bench/results/*.json`, no `.tmp`, not a
 * PostgreSQL run), and how this run's SQLite ratios compare with its ratios. A ratio that fell more
 * than 10 % below the reference's is flagged (issue #17: the asynchronous layer must not cost the
 * embedded default); reported, never asserted.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { RESULTS_DIR } from './config';

export const ALLOWED_FALL = 0.1;

/** Ratios where more is better (the comparison skips the ideal itself and absolute figures). */
const COMPARED = [
  'ledgerOverRaw',
  'rawUnpreparedOverRaw',
  'pipelineInstantOverHealth50',
  'actionFloorOverHealth50',
  'apiSaleOverHealth50',
  'apiSaleOverSaleAction',
  'pipeline200OverIdeal',
  'mixedFinalPerSecOverHealth50',
  'dashboardOverHealth50',
  'historyOverHealth50',
] as const;

export interface RatioComparison {
  ratio: string;
  reference: number;
  now: number;
  /** now ÷ reference − 1, rounded to 0.01. */
  change: number;
  fellMoreThanAllowed: boolean;
}

export interface ReferenceComparison {
  file: string;
  commit: string;
  startedAt: string;
  allowedFall: number;
  ratios: RatioComparison[];
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** The committed SQLite result with the latest name (names sort by date and time), or null. */
export function referenceRun(): {
  file: string;
  commit: string;
  json: Record<string, unknown>;
} | null {
  const committed = git('ls-files', RESULTS_DIR)
    .split('\n')
    .filter((f) => f.endsWith('.json') && !f.includes('.postgres.'))
    .sort();
  const file = committed.pop();
  if (!file) return null;
  const commit = git('log', '-1', '--format=%h', '--', file);
  const json = JSON.parse(git('show', `HEAD:${file}`)) as Record<string, unknown>;
  return { file: path.normalize(file), commit, json };
}

export function compareWithReference(now: Record<string, number>): ReferenceComparison | null {
  const ref = referenceRun();
  if (!ref) return null;
  const refRatios = ref.json.ratios as Record<string, number>;
  const ratios = COMPARED.filter((k) => refRatios[k] !== undefined && now[k] !== undefined).map(
    (ratio) => {
      const reference = refRatios[ratio]!;
      const change = Math.round((now[ratio]! / reference - 1) * 100) / 100;
      return {
        ratio,
        reference,
        now: now[ratio]!,
        change,
        fellMoreThanAllowed: change < -ALLOWED_FALL,
      };
    },
  );
  return {
    file: ref.file,
    commit: ref.commit,
    startedAt: String(ref.json.startedAt),
    allowedFall: ALLOWED_FALL,
    ratios,
  };
}

export function printComparison(c: ReferenceComparison | null, log: (line: string) => void): void {
  if (!c) {
    log('no committed reference run to compare with');
    return;
  }
  log(`SQLite ratios against the reference run ${c.file} (${c.commit}, ${c.startedAt}):`);
  for (const r of c.ratios)
    log(
      `  ${r.fellMoreThanAllowed ? 'FELL >10 %' : 'ok        '}  ${r.ratio.padEnd(30)} ${String(r.reference).padStart(5)} → ${String(r.now).padStart(5)}  (${r.change >= 0 ? '+' : ''}${Math.round(r.change * 100)} %)`,
    );
}
