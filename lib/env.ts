import { z } from 'zod';

// The only reader of process.env: parsed once, fails fast with a readable message.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default('./data/portal.db'),
  AUTH_SECRET: z.string().min(16).default('dev-only-secret-change-me-in-production'),
  // 32 bytes, base64: encrypts provider credentials at rest (AES-256-GCM).
  CREDENTIALS_KEY: z
    .string()
    .default('ZGV2LW9ubHkta2V5LWNoYW5nZS1tZS1pbi1wcm9kISE='),
  // Derives receipt-link tokens (HMAC-SHA256); changing it invalidates every receipt link already shared.
  RECEIPT_KEY: z.string().min(32).default('dev-only-receipt-key-change-me-in-production'),
  SIMULATOR_URL: z.string().url().default('http://127.0.0.1:4010'),
  PORTAL_URL: z.string().url().default('http://127.0.0.1:3000'),
  REQUERY_WORKER: z.enum(['on', 'off']).default('on'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // When set, `npm start` also appends the portal's and simulator's output to this file.
  LOG_FILE: z.string().min(1).optional(),
  // Optional overrides of the requery schedule (comma-separated ms) and the NOT_FOUND grace, for tests.
  REQUERY_DELAYS_MS: z.string().regex(/^\d+(,\d+)*$/).optional(),
  NOT_FOUND_GRACE_MS: z.coerce.number().int().min(0).default(15 * 60_000),
  // Seeds provider timeouts below their defaults, so the simulator's "timeout" number answers quickly in tests.
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  // Online database backups (lib/backup): the folder (default: `backups` beside the database file),
  // how often the portal makes one (and after how long the dashboard calls the last one late), how many to keep.
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_MS: z.coerce.number().int().min(60_000).default(60 * 60_000),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(48),
  // `off` when backups run elsewhere (cron calling `npm run backup`); the dashboard still watches the folder.
  BACKUP_SCHEDULE: z.enum(['on', 'off']).default('on'),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();
