import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import { createTestDb } from '@/test/world/db';
import { createUser } from './commands';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe('creating a user', () => {
  it('refuses an email that already has an account (in any case) and keeps the first one', async () => {
    const input = {
      email: 'ada@test.local',
      name: 'Ada',
      password: 'a long password 1',
      role: 'agent' as const,
    };
    const created = await createUser(db, SYSTEM_ACTOR, input);
    await expect(
      createUser(db, SYSTEM_ACTOR, { ...input, email: ' ADA@test.local ', name: 'Other' }),
    ).rejects.toThrowError(Refusal);
    expect(await db.select().from(users).where(eq(users.email, 'ada@test.local'))).toEqual([
      created,
    ]);
  });
});
