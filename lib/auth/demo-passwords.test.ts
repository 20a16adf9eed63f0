import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS } from '@/db/demo';
import { users } from '@/db/schema';
import { createTestDb } from '@/test/world/db';
import { hashPassword } from './password';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

/** authenticate() as a portal started with this DEMO setting would run it. */
async function authenticateWith(demo: 'on' | 'off') {
  process.env = { ...saved, DEMO: demo };
  vi.resetModules();
  return (await import('./authenticate')).authenticate;
}

describe('the published demo passwords', () => {
  it('open no account outside demo mode, even one whose hash matches, with the usual words', async () => {
    const { db, cleanup } = await createTestDb();
    try {
      const demo = DEMO_USERS.admin;
      await db.insert(users).values({
        email: demo.email,
        name: demo.name,
        role: 'admin',
        passwordHash: await hashPassword(demo.password),
        createdAt: Date.now(),
      });
      const production = await authenticateWith('off');
      expect(await production(db, demo.email, demo.password, '198.51.100.1')).toMatchObject({
        ok: false,
        error: 'INVALID',
        message: 'Wrong email or password.',
      });
      const demoMode = await authenticateWith('on');
      expect(await demoMode(db, demo.email, demo.password, '198.51.100.2')).toMatchObject({
        ok: true,
      });
    } finally {
      await cleanup();
    }
  });
});
