/**
 * The portal's HTTP server: Next.js's documented custom server, so the client's address comes from
 * the socket. `next start` offers no way to it: Next sets X-Forwarded-For from the socket only when
 * the request carries none and otherwise passes the client's own value on, and the proxy, route
 * handlers and server actions see headers only. Here each request is prepared before Next sees it
 * (scripts/portal-front.ts). Next's own request handling is the same as under `next start` (both
 * build it with getRequestHandlers); the front adds a few header operations per request.
 *
 *   node --import tsx scripts/portal-server.ts [--dev]     (npm start and npm run dev run it)
 */
import http from 'node:http';
import next from 'next';
import { markClientAddressFront } from '@/lib/auth/client-ip';
import { env } from '@/lib/env';
import { prepareRequest } from './portal-front';

async function main() {
  const dev = process.argv.includes('--dev');
  // `next start` and `next dev` set NODE_ENV themselves; here the caller does (npm start, npm run dev).
  if (dev !== (env.NODE_ENV === 'development'))
    throw new Error(
      `portal-server: NODE_ENV=${env.NODE_ENV} does not match ${dev ? '--dev' : 'production'}`,
    );
  const url = new URL(env.PORTAL_URL);
  // Behind a proxy the public URL is not where this process listens (LISTEN_HOST/LISTEN_PORT).
  const hostname = env.LISTEN_HOST ?? url.hostname;
  const port = env.LISTEN_PORT ?? Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  markClientAddressFront();
  // `next start` records the origin it listens on; Next reads it to fetch a server action's redirect target.
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname}:${port}`;
  const server = http.createServer();
  const app = next({ dev, hostname, port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on('request', (req, res) => {
    prepareRequest(req, env.TRUST_PROXY);
    handle(req, res).catch((error: unknown) => {
      console.error(`[portal] failed to handle ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, hostname, () =>
    console.log(
      `[portal] ${dev ? 'development' : 'production'} server on http://${hostname}:${port}`,
    ),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.close(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
