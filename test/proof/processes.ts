// Runs the proof worker as a separate OS process (real concurrency, real SIGKILL). `node --import tsx`
// rather than the tsx CLI, so the worker is our direct child and its death by signal is visible here.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { WorkerPlan } from './workers/sale.worker';

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const WORKER = path.join(process.cwd(), 'test', 'proof', 'workers', 'sale.worker.ts');

export function runWorker(file: string, plan: WorkerPlan): Promise<WorkerExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, JSON.stringify(plan)], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `tasks` with at most `limit` in flight: the machine has two cores shared with others. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}
