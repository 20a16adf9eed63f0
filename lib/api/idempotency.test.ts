import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { createTestDb, insertUser } from '@/test/world/db';
import { bodyHash, claimIdempotencyKey, releaseIdempotencyKey } from './idempotency';

let db: Db;
let cleanup: () => void;
let agentId: number;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  agentId = (await insertUser(db)).id;
});
afterEach(() => cleanup());

const hash = bodyHash({ phone: '08031234567', amount: 50_000 });

describe('claiming an idempotency key', () => {
  it('claims a new key once; a second claim learns how the first one stands', async () => {
    expect(await claimIdempotencyKey(db, agentId, 'k1', hash, 1)).toEqual({ kind: 'claimed' });
    expect(await claimIdempotencyKey(db, agentId, 'k1', hash, 2)).toEqual({ kind: 'unanswered' });
    expect(await claimIdempotencyKey(db, agentId, 'k1', bodyHash({ other: 1 }), 3)).toEqual({
      kind: 'reused',
    });
  });

  it('a released key can be claimed again', async () => {
    await claimIdempotencyKey(db, agentId, 'k2', hash, 1);
    await releaseIdempotencyKey(db, agentId, 'k2');
    expect(await claimIdempotencyKey(db, agentId, 'k2', hash, 2)).toEqual({ kind: 'claimed' });
  });
});
