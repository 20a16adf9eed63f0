/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'undici'],
  poweredByHeader: false,
  // The benchmark builds into its own folder so it never disturbs a running portal.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole tree as its own step; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // Customer receipts: never cached, never indexed, and the token never leaks in a Referer.
  async headers() {
    const receipt = [
      { key: 'Cache-Control', value: 'no-store' },
      { key: 'Referrer-Policy', value: 'no-referrer' },
      { key: 'X-Robots-Tag', value: 'noindex' },
    ];
    return [
      { source: '/r/:path*', headers: receipt },
      { source: '/api/receipts/:path*', headers: receipt },
    ];
  },
};

export default nextConfig;
