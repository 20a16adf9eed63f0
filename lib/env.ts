import { z } from 'zod';
import { loadOrCreateDemoSecrets, SECRET_NAMES, type SecretName } from './demo-secrets';
import { parseTrustProxy } from './trust-proxy';

// The only reader of process.env: parsed once, fails fast with a readable message.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default('./data/portal.db'),
  // "on" seeds the demo accounts and lets their published passwords sign in. `npm start` sets it from
  // its own NODE_ENV and hands it to the portal (whose NODE_ENV `next start` always makes production).
  DEMO: z.enum(['on', 'off']).optional(),
  // The secrets: required in production, taken from the demo's own file otherwise (see below).
  AUTH_SECRET: z.string().optional(),
  CREDENTIALS_KEY: z.string().optional(),
  // The key being retired while `npm run keys:rotate-credentials` re-encrypts with CREDENTIALS_KEY.
  CREDENTIALS_KEY_PREVIOUS: z.string().optional(),
  RECEIPT_KEY: z.string().optional(),
  SIMULATOR_URL: z.string().url().default('http://127.0.0.1:4010'),
  PORTAL_URL: z.string().url().default('http://127.0.0.1:3000'),
  // `npm run admin:create` reads the first admin's password here (or from standard input).
  ADMIN_PASSWORD: z.string().optional(),
  // Where the portal's server listens when that is not PORTAL_URL's host and port (behind a proxy).
  LISTEN_HOST: z.string().min(1).optional(),
  LISTEN_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  REQUERY_WORKER: z.enum(['on', 'off']).default('on'),
  // Which proxies in front of the portal may speak for the client: a hop count or their addresses.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  // When set, `npm start` also appends the portal's and simulator's output to this file.
  LOG_FILE: z.string().min(1).optional(),
  // Optional overrides of the requery schedule (comma-separated ms) and the NOT_FOUND grace, for tests.
  REQUERY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .optional(),
  NOT_FOUND_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000),
  // How long the agent waits at the counter before a sale answers "pending" (the provider call goes on).
  SALE_ANSWER_BUDGET_MS: z.coerce.number().int().min(500).max(60_000).default(8_000),
  // REST API rate limits per key per second (a key's own limits, set by an admin, override these).
  API_SALE_RATE_PER_S: z.coerce.number().int().min(1).max(10_000).default(10),
  API_READ_RATE_PER_S: z.coerce.number().int().min(1).max(10_000).default(60),
  // Where `npm start`'s simulator keeps its sale records (default: simulator.jsonl beside the database).
  SIM_DATA_FILE: z.string().min(1).optional(),
  // Seeds provider timeouts below their defaults, so the simulator's "timeout" number answers quickly in tests.
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  // Set by `next build` while it compiles: nothing is served then, so no secret is needed.
  NEXT_PHASE: z.string().optional(),
  // Online database backups (lib/backup): the folder (default: `backups` beside the database file),
  // how often the portal makes one (and after how long the dashboard calls the last one late), how many to keep.
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(60 * 60_000),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(48),
  // `off` when backups run elsewhere (cron calling `npm run backup`); the dashboard still watches the folder.
  BACKUP_SCHEDULE: z.enum(['on', 'off']).default('on'),
});

const GENERATE = 'openssl rand -base64 32';

const base64Key32 = (value: string) =>
  /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32;

/** What a usable value of each secret looks like, and how an operator makes one. */
const SECRET_RULES: Record<SecretName, { valid: (value: string) => boolean; need: string }> = {
  // Signs and encrypts next-auth's session cookie.
  AUTH_SECRET: { valid: (v) => v.length >= 32, need: 'at least 32 characters' },
  // Encrypts provider credentials at rest (AES-256-GCM).
  CREDENTIALS_KEY: { valid: base64Key32, need: '32 bytes, base64-encoded' },
  // Derives receipt-link tokens (HMAC-SHA256); changing it invalidates every receipt link already shared.
  RECEIPT_KEY: { valid: (v) => v.length >= 32, need: 'at least 32 characters' },
};

type Parsed = z.infer<typeof schema>;
export type Env = Omit<Parsed, SecretName | 'DEMO'> &
  Record<SecretName, string> & { DEMO: 'on' | 'off' };

/**
 * Production never falls back: every secret must come from the environment. Anywhere else (a demo,
 * `npm run dev`, a script) a missing secret comes from the demo's secrets file beside the database,
 * generated on first use and readable by its owner only, so no secret ever lives in the repository.
 */
function resolveSecrets(parsed: Parsed): {
  secrets: Record<SecretName, string>;
  problems: string[];
} {
  const production = parsed.NODE_ENV === 'production';
  const building = parsed.NEXT_PHASE === 'phase-production-build';
  const missing = SECRET_NAMES.filter((name) => !parsed[name]);
  const demo =
    missing.length > 0 && !production ? loadOrCreateDemoSecrets(parsed.DATABASE_PATH) : null;
  const secrets = {} as Record<SecretName, string>;
  const problems: string[] = [];
  for (const name of SECRET_NAMES) {
    const value = parsed[name] ?? demo?.[name];
    const rule = SECRET_RULES[name];
    if (value === undefined) {
      if (building) secrets[name] = '';
      else problems.push(`${name} is missing (${rule.need}); generate one with: ${GENERATE}`);
    } else if (!rule.valid(value)) {
      problems.push(`${name} must be ${rule.need}; generate one with: ${GENERATE}`);
    } else {
      secrets[name] = value;
    }
  }
  const previous = parsed.CREDENTIALS_KEY_PREVIOUS;
  if (previous !== undefined && !base64Key32(previous))
    problems.push(`CREDENTIALS_KEY_PREVIOUS must be ${SECRET_RULES.CREDENTIALS_KEY.need}`);
  return { secrets, problems };
}

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { secrets, problems } = resolveSecrets(parsed.data);
  if (problems.length > 0) {
    throw new Error(
      `The portal cannot start (NODE_ENV=${parsed.data.NODE_ENV}):\n  - ${problems.join('\n  - ')}`,
    );
  }
  const demo = parsed.data.DEMO ?? (parsed.data.NODE_ENV === 'production' ? 'off' : 'on');
  return { ...parsed.data, ...secrets, DEMO: demo };
}

export const env: Env = parseEnv();
