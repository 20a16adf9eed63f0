/**
 * Child process: the provider simulator with the bench's settings (the CLI in simulator/main.ts
 * has no knob for how long a "hang" is held). Latency is changed live with POST /__control.
 */
import { startSimulator } from '@/simulator/server';
import { PORTAL_URL, SIM_PORT, SIM_SETTINGS } from './config';

const sim = await startSimulator({
  port: SIM_PORT,
  host: '127.0.0.1',
  callbackBaseUrl: PORTAL_URL,
  latencyMs: 0,
  pendingResolveMs: SIM_SETTINGS.pendingResolveMs,
  timeoutHoldMs: SIM_SETTINGS.timeoutHoldMs,
});
console.log(`[bench-sim] listening on ${sim.url}`);
const stop = () => void sim.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
