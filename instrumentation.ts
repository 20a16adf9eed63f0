export async function register() {
  // Background work needs Node (SQLite, timers); the edge runtime never runs it.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundWork } = await import('./lib/background');
  startBackgroundWork();
}
