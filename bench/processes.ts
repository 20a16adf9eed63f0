/**
 * Child processes of a bench run: each in its own process group, so stopping one also stops what
 * it started (tsx → node, next start → its worker). Every group is killed on exit, error or signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();
const TSX = 'node_modules/.bin/tsx';

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every child still running: SIGTERM, then SIGKILL after a grace period. */
export async function stopAll(graceMs = 3000): Promise<void> {
  const alive = [...running];
  for (const child of alive) killGroup(child, 'SIGTERM');
  await Promise.all(
    alive.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            killGroup(child, 'SIGKILL');
            resolve();
          }, graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );
}

let interrupted = false;
/** True once a signal asked the run to stop: a child dying after that is not a crash. */
export const wasInterrupted = () => interrupted;

let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // Last resort when the orchestrator dies without reaching its own cleanup.
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      interrupted = true;
      console.error(`\n[bench] ${signal}: stopping children`);
      void stopAll(1000).finally(() => process.exit(130));
    });
  }
}

/** A long-running child (portal, simulator). Output goes to the given log function. */
export function startService(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): ChildProcess {
  hookExit();
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Runs a bench script under tsx to completion; resolves with its stdout, rejects on a non-zero exit. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  hookExit();
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    running.add(child);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${script} exited with ${code ?? signal}`));
    });
  });
}

/** The last line of a child's stdout, parsed as JSON (children print logs first, the result last). */
export function lastJson<T>(stdout: string): T {
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isReady: (res: Response) => boolean = (r) => r.ok,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (isReady(res)) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export { TSX };
