/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'undici'],
  poweredByHeader: false,
  // The benchmark builds into its own folder so it never disturbs a running portal.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole tree as its own step; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    // Every response. The nonce-based Content-Security-Policy of HTML pages comes from proxy.ts (it
    // needs a fresh nonce per response); responses without HTML get a policy that allows nothing.
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      // For browsers that predate CSP's frame-ancestors.
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    ];
    const noContent = [
      { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
    ];
    // Only over HTTPS, which reaches the portal through a TLS proxy that says so: the portal's front
    // drops X-Forwarded-Proto unless TRUST_PROXY declares that proxy.
    const overHttps = [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }];
    const hsts = [
      { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
    ];
    // Customer receipts: never cached, never indexed, and the token never leaks in a Referer.
    const receipt = [
      { key: 'Cache-Control', value: 'no-store' },
      { key: 'Referrer-Policy', value: 'no-referrer' },
      { key: 'X-Robots-Tag', value: 'noindex' },
    ];
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/:path*', has: overHttps, headers: hsts },
      { source: '/api/:path*', headers: noContent },
      { source: '/r/:path*', headers: receipt },
      { source: '/api/receipts/:path*', headers: receipt },
    ];
  },
};

export default nextConfig;
