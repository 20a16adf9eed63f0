// The ceiling runs' measuring loop, shared by the SQLite and PostgreSQL children (db-ceiling*.ts).
import { performance } from 'node:perf_hooks';
import { summarize } from './stats';

const SLICE_MS = 250;
const WARMUP_SALES = 300;

/** One sale (or one commit). The portal's side is asynchronous; SQLite's raw sides are not. */
export type Sale = () => void | Promise<void>;

/** The four sides a ceiling run compares. */
export interface Sides {
  ledger: Sale;
  raw: Sale;
  rawUnprepared: Sale;
  commit: Sale;
}

// A synchronous side pays no await it would not need.
async function run(sale: Sale): Promise<void> {
  const pending = sale();
  if (pending) await pending;
}

/**
 * Warms every side, then runs them in alternating slices of SLICE_MS for `seconds` in all, so a
 * neighbour's CPU burst hits all alike. Returns each side's rate and latencies (ms per sale or commit).
 */
export async function measureInSlices(sides: Sides, seconds: number) {
  const names = Object.keys(sides) as (keyof Sides)[];
  for (let i = 0; i < WARMUP_SALES; i += 1) for (const name of names) await run(sides[name]);

  const samples = {
    ledger: [] as number[],
    raw: [] as number[],
    rawUnprepared: [] as number[],
    commit: [] as number[],
  };
  const busy = { ledger: 0, raw: 0, rawUnprepared: 0, commit: 0 };
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    for (const name of names) {
      const start = performance.now();
      const sliceEnd = start + SLICE_MS;
      while (performance.now() < sliceEnd) {
        const t0 = performance.now();
        await run(sides[name]);
        samples[name].push(performance.now() - t0);
      }
      busy[name] += performance.now() - start;
    }
  }

  const result = (name: keyof Sides) => ({
    salesPerSec: Math.round((samples[name].length / busy[name]) * 1000 * 10) / 10,
    latencyMs: summarize(samples[name]),
    measuredSeconds: Math.round(busy[name]) / 1000,
  });
  const commit = result('commit');
  return {
    ledger: result('ledger'),
    raw: result('raw'),
    rawUnprepared: result('rawUnprepared'),
    durableCommit: {
      commitsPerSec: commit.salesPerSec,
      latencyMs: commit.latencyMs,
      measuredSeconds: commit.measuredSeconds,
    },
  };
}
