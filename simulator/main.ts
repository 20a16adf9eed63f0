// CLI entry: `npm run sim`. Env: SIM_PORT (4010), SIM_HOST (127.0.0.1), SIM_CALLBACK_BASE_URL, SIM_LATENCY_MS,
// SIM_PENDING_RESOLVE_MS, SIM_VTPASS_DUPLICATE_WINDOW_MS (VTpass 019; default 30 s as documented, 0 = off),
// SIM_DATA_FILE (keeps the sale records across restarts; in memory when unset). Exits cleanly on SIGTERM/SIGINT.
import { startSimulator } from './server';

const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
};

const sim = await startSimulator({
  port: int('SIM_PORT', 4010),
  host: process.env.SIM_HOST || '127.0.0.1',
  callbackBaseUrl: process.env.SIM_CALLBACK_BASE_URL || undefined,
  latencyMs: int('SIM_LATENCY_MS', 0),
  pendingResolveMs: int('SIM_PENDING_RESOLVE_MS', 3000),
  vtpassDuplicateWindowMs: int('SIM_VTPASS_DUPLICATE_WINDOW_MS', 30_000),
  dataFile: process.env.SIM_DATA_FILE || undefined,
  log: (line) => console.log(line),
});
console.log(`provider simulator listening on ${sim.url}`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing simulator`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
