import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { providerCredentials } from '@/db/schema';
import { createTestDb } from '@/test/world/db';
import { decryptCredential, encryptCredential } from './crypto';
import { openCredential, rotateCredentialsKey } from './rotate';
import { rows as sqlRows } from '@/db/query';

const OLD = randomBytes(32).toString('base64');
const NEW = randomBytes(32).toString('base64');
const PLAINTEXTS: Record<string, string> = {
  'jonet/apiKey': 'jonet-key',
  'vtpass/secretKey': 'SK_vtpass',
  'cwg/clientSecret': 'cwg ₦ secret',
};

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  for (const [place, value] of Object.entries(PLAINTEXTS)) {
    const [provider, field] = place.split('/') as [string, string];
    await db.insert(providerCredentials).values({
      provider,
      field,
      ciphertext: encryptCredential(OLD, provider, field, value),
      setAt: 1,
    });
  }
});
afterEach(() => cleanup());

const rows = async () => await db.select().from(providerCredentials);
const auditRows = async () =>
  await sqlRows<{ detail: string }>(
    db,
    sql`select detail from audit_log where action = 'provider.credentials_key_rotated'`,
  );

describe('rotating CREDENTIALS_KEY', () => {
  it('re-seals every credential with the new key, which alone opens them afterwards; audited', async () => {
    expect(
      await rotateCredentialsKey(db, { current: NEW, previous: OLD }, 1_700_000_000_000),
    ).toEqual({
      resealed: 3,
      alreadyCurrent: 0,
    });
    for (const row of await rows()) {
      expect(decryptCredential(NEW, row.provider, row.field, row.ciphertext)).toBe(
        PLAINTEXTS[`${row.provider}/${row.field}`],
      );
      expect(() => decryptCredential(OLD, row.provider, row.field, row.ciphertext)).toThrow();
    }
    expect((await auditRows()).map((r) => JSON.parse(r.detail))).toEqual([
      { resealed: 3, alreadyCurrent: 0 },
    ]);
  });

  it('accepts both keys during the rotation: credentials set meanwhile under the new key are left as they are', async () => {
    // The portal restarted with the new key and an admin changed one credential before the command ran.
    await db
      .update(providerCredentials)
      .set({ ciphertext: encryptCredential(NEW, 'jonet', 'apiKey', 'jonet-new') })
      .where(sql`provider = 'jonet'`);
    const keys = { current: NEW, previous: OLD };
    expect(
      openCredential(
        keys,
        'jonet',
        'apiKey',
        (await rows()).find((r) => r.provider === 'jonet')!.ciphertext,
      ),
    ).toBe('jonet-new');
    expect(
      openCredential(
        keys,
        'vtpass',
        'secretKey',
        (await rows()).find((r) => r.provider === 'vtpass')!.ciphertext,
      ),
    ).toBe('SK_vtpass');
    const jonetBefore = (await rows()).find((r) => r.provider === 'jonet')!.ciphertext;
    expect(await rotateCredentialsKey(db, keys)).toEqual({ resealed: 2, alreadyCurrent: 1 });
    expect((await rows()).find((r) => r.provider === 'jonet')!.ciphertext).toBe(jonetBefore);
    // Without the previous key, everything still opens.
    for (const row of await rows())
      expect(
        openCredential({ current: NEW }, row.provider, row.field, row.ciphertext),
      ).toBeTruthy();
  });

  it('a second run changes nothing', async () => {
    await rotateCredentialsKey(db, { current: NEW, previous: OLD });
    const after = await rows();
    expect(await rotateCredentialsKey(db, { current: NEW, previous: OLD })).toEqual({
      resealed: 0,
      alreadyCurrent: 3,
    });
    expect(await rows()).toEqual(after);
  });

  it('stops before writing anything when a credential opens with neither key', async () => {
    const stranger = randomBytes(32).toString('base64');
    await db
      .update(providerCredentials)
      .set({ ciphertext: encryptCredential(stranger, 'cwg', 'clientSecret', 'x') })
      .where(sql`provider = 'cwg'`);
    const before = await rows();
    await expect(rotateCredentialsKey(db, { current: NEW, previous: OLD })).rejects.toThrow(
      /cwg clientSecret credential opens with neither key/,
    );
    expect(await rows()).toEqual(before);
    expect(await auditRows()).toEqual([]);
    expect(() =>
      openCredential(
        { current: NEW, previous: OLD },
        'cwg',
        'clientSecret',
        before.find((r) => r.provider === 'cwg')!.ciphertext,
      ),
    ).toThrow(/neither/);
  });

  it('refuses the same key as old and new', async () => {
    await expect(rotateCredentialsKey(db, { current: OLD, previous: OLD })).rejects.toThrow(
      /same key/,
    );
  });
});
