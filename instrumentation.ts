export async function register() {
  // Background work needs Node (SQLite, timers); the edge runtime never runs it.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { clientAddressFrontPresent } = await import('./lib/auth/client-ip');
  if (!clientAddressFrontPresent()) {
    console.error(
      '[portal] started without scripts/portal-server.ts (a bare `next start`?): client addresses are unknown, so every client shares one sign-in throttle. Use `npm start`.',
    );
  }
  const { startBackgroundWork } = await import('./lib/background');
  startBackgroundWork();
}
