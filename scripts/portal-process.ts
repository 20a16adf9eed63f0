import { env } from '@/lib/env';
import { portalNodeOptions } from './portal-node-options';

/**
 * How `npm start` and `npm run dev` run the portal: its own server (scripts/portal-server.ts) with
 * the secrets this process resolved (from the environment, or the demo's secrets file) and the demo
 * flag decided by this process's NODE_ENV, since the portal's NODE_ENV is production even for a demo.
 */
export function portalProcess(mode: 'production' | 'development'): {
  command: string;
  args: string[];
  env: Record<string, string>;
} {
  return {
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      'scripts/portal-server.ts',
      ...(mode === 'development' ? ['--dev'] : []),
    ],
    env: {
      NODE_ENV: mode,
      DEMO: env.DEMO,
      AUTH_SECRET: env.AUTH_SECRET,
      CREDENTIALS_KEY: env.CREDENTIALS_KEY,
      RECEIPT_KEY: env.RECEIPT_KEY,
      NEXTAUTH_URL: env.PORTAL_URL,
      NODE_OPTIONS: portalNodeOptions(),
    },
  };
}
