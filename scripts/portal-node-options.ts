/**
 * V8 settings for the portal's server process. One page view allocates about 2 MB of short-lived
 * objects (React renders the page twice, RSC then HTML, through stream chunks). With V8's default
 * 16 MB young generation, the objects of requests still in flight are promoted to the old generation,
 * and an old-space collection pauses the server every two seconds or so. With 64 MB they die young:
 * the dashboard served 10 % more requests and its p99 TTFB fell from 110–116 ms to 91–98 ms at 20
 * connections (bench/README.md). `npm start` and the benchmark both run the portal with it.
 */
export const PORTAL_V8_FLAGS = '--max-semi-space-size=64';

export function portalNodeOptions(existing: string | undefined = process.env.NODE_OPTIONS): string {
  return [existing, PORTAL_V8_FLAGS].filter(Boolean).join(' ');
}
