import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { supervise } from './supervise';

// A child that crashes on its first two runs and stays up on the third.
const crashTwice = (run: number) =>
  spawn(process.execPath, ['-e', run < 3 ? 'process.exit(1)' : 'setInterval(() => {}, 1000)'], {
    stdio: 'ignore',
  });

describe('supervise', () => {
  it('restarts a crashed child with a doubling backoff, and stop() ends it without a restart', async () => {
    const lines: string[] = [];
    let runs = 0;
    let thirdRun!: () => void;
    const third = new Promise<void>((resolve) => (thirdRun = resolve));
    const portal = supervise({
      name: 'portal',
      baseMs: 20,
      maxMs: 1_000,
      log: (l) => lines.push(l),
      start: () => {
        runs += 1;
        if (runs === 3) thirdRun();
        return crashTwice(runs);
      },
    });
    await third;
    expect(lines).toEqual([
      '[start] portal exited (1); restarting in 20 ms',
      '[start] portal exited (1); restarting in 40 ms',
    ]);
    const last = portal.current();
    const exited = new Promise((resolve) => last.once('exit', resolve));
    portal.stop();
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the next backoff (80 ms): no restart may follow
    expect(runs).toBe(3);
    expect(lines).toHaveLength(2);
  });
});
