/**
 * Keeps a child process running: when it exits by itself (a crash), it is started again after a backoff
 * that doubles from `baseMs` up to `maxMs`, and falls back to `baseMs` once a run has lasted `stableMs`.
 * `stop()` ends it for good (the child gets SIGTERM and is not restarted).
 */
import type { ChildProcess } from 'node:child_process';

export interface SuperviseOptions {
  name: string;
  start: () => ChildProcess;
  baseMs?: number;
  maxMs?: number;
  stableMs?: number;
  log?: (line: string) => void;
}

export interface Supervised {
  current(): ChildProcess;
  stop(): void;
}

export function supervise(opts: SuperviseOptions): Supervised {
  const baseMs = opts.baseMs ?? 1_000;
  const maxMs = opts.maxMs ?? 30_000;
  const stableMs = opts.stableMs ?? 60_000;
  const log = opts.log ?? ((line: string) => console.log(line));
  let stopped = false;
  let delayMs = baseMs;
  let child: ChildProcess;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const launch = () => {
    const startedAt = Date.now();
    child = opts.start();
    child.on('exit', (code, signal) => {
      if (stopped) return;
      if (Date.now() - startedAt >= stableMs) delayMs = baseMs;
      log(`[start] ${opts.name} exited (${code ?? signal}); restarting in ${delayMs} ms`);
      retry = setTimeout(launch, delayMs);
      delayMs = Math.min(delayMs * 2, maxMs);
    });
  };
  launch();

  return {
    current: () => child,
    stop() {
      stopped = true;
      clearTimeout(retry);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
