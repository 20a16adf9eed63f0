import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { epochMs, id, ref } from './columns';
import { users } from './users';

/** One authenticator app per user, secret sealed (see db/schema/second-factor.ts). */
export const totpFactors = pgTable('totp_factors', {
  userId: ref('user_id')
    .primaryKey()
    .references(() => users.id),
  secretSealed: text('secret_sealed').notNull(),
  // The last 30-second step accepted.
  lastStep: integer('last_step').notNull().default(0),
  createdAt: epochMs('created_at').notNull(),
});

/** WebAuthn credentials (passkeys). id is the credential id, base64url. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    publicKey: text('public_key').notNull(), // base64url COSE key
    // The authenticator's signature counter is an unsigned 32-bit number: past a PostgreSQL integer.
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: jsonb('transports').$type<string[]>(),
    createdAt: epochMs('created_at').notNull(),
    lastUsedAt: epochMs('last_used_at'),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/** The challenge of a WebAuthn ceremony in flight: one per user and purpose, used once, short-lived. */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ['register', 'authenticate'] }).notNull(),
    challenge: text('challenge').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.purpose] })],
);

/** One-time recovery codes: only the SHA-256 of each (120 random bits) is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: epochMs('used_at'),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_idx').on(t.userId, t.codeHash)],
);
