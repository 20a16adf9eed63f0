import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { providerCredentials } from '@/db/schema';
import { createTestDb } from '@/test/world/db';
import { decryptCredential, encryptCredential } from './crypto';
import { openCredential, rotateCredentialsKey } from './rotate';

const OLD = randomBytes(32).toString('base64');
const NEW = randomBytes(32).toString('base64');
const PLAINTEXTS: Record<string, string> = {
  'jonet/apiKey': 'jonet-key',
  'vtpass/secretKey': 'SK_vtpass',
  'cwg/clientSecret': 'cwg ₦ secret',
};

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDb());
  for (const [place, value] of Object.entries(PLAINTEXTS)) {
    const [provider, field] = place.split('/') as [string, string];
    db.insert(providerCredentials)
      .values({
        provider,
        field,
        ciphertext: encryptCredential(OLD, provider, field, value),
        setAt: 1,
      })
      .run();
  }
});
afterEach(() => cleanup());

const rows = () => db.select().from(providerCredentials).all();
const auditRows = () =>
  db.all<{ detail: string }>(
    sql`select detail from audit_log where action = 'provider.credentials_key_rotated'`,
  );

describe('rotating CREDENTIALS_KEY', () => {
  it('re-seals every credential with the new key, which alone opens them afterwards; audited', () => {
    expect(rotateCredentialsKey(db, { current: NEW, previous: OLD }, 1_700_000_000_000)).toEqual({
      resealed: 3,
      alreadyCurrent: 0,
    });
    for (const row of rows()) {
      expect(decryptCredential(NEW, row.provider, row.field, row.ciphertext)).toBe(
        PLAINTEXTS[`${row.provider}/${row.field}`],
      );
      expect(() => decryptCredential(OLD, row.provider, row.field, row.ciphertext)).toThrow();
    }
    expect(auditRows().map((r) => JSON.parse(r.detail))).toEqual([
      { resealed: 3, alreadyCurrent: 0 },
    ]);
  });

  it('accepts both keys during the rotation: credentials set meanwhile under the new key are left as they are', () => {
    // The portal restarted with the new key and an admin changed one credential before the command ran.
    db.update(providerCredentials)
      .set({ ciphertext: encryptCredential(NEW, 'jonet', 'apiKey', 'jonet-new') })
      .where(sql`provider = 'jonet'`)
      .run();
    const keys = { current: NEW, previous: OLD };
    expect(
      openCredential(
        keys,
        'jonet',
        'apiKey',
        rows().find((r) => r.provider === 'jonet')!.ciphertext,
      ),
    ).toBe('jonet-new');
    expect(
      openCredential(
        keys,
        'vtpass',
        'secretKey',
        rows().find((r) => r.provider === 'vtpass')!.ciphertext,
      ),
    ).toBe('SK_vtpass');
    const jonetBefore = rows().find((r) => r.provider === 'jonet')!.ciphertext;
    expect(rotateCredentialsKey(db, keys)).toEqual({ resealed: 2, alreadyCurrent: 1 });
    expect(rows().find((r) => r.provider === 'jonet')!.ciphertext).toBe(jonetBefore);
    // Without the previous key, everything still opens.
    for (const row of rows())
      expect(
        openCredential({ current: NEW }, row.provider, row.field, row.ciphertext),
      ).toBeTruthy();
  });

  it('a second run changes nothing', () => {
    rotateCredentialsKey(db, { current: NEW, previous: OLD });
    const after = rows();
    expect(rotateCredentialsKey(db, { current: NEW, previous: OLD })).toEqual({
      resealed: 0,
      alreadyCurrent: 3,
    });
    expect(rows()).toEqual(after);
  });

  it('stops before writing anything when a credential opens with neither key', () => {
    const stranger = randomBytes(32).toString('base64');
    db.update(providerCredentials)
      .set({ ciphertext: encryptCredential(stranger, 'cwg', 'clientSecret', 'x') })
      .where(sql`provider = 'cwg'`)
      .run();
    const before = rows();
    expect(() => rotateCredentialsKey(db, { current: NEW, previous: OLD })).toThrow(
      /cwg clientSecret credential opens with neither key/,
    );
    expect(rows()).toEqual(before);
    expect(auditRows()).toEqual([]);
    expect(() =>
      openCredential(
        { current: NEW, previous: OLD },
        'cwg',
        'clientSecret',
        before.find((r) => r.provider === 'cwg')!.ciphertext,
      ),
    ).toThrow(/neither/);
  });

  it('refuses the same key as old and new', () => {
    expect(() => rotateCredentialsKey(db, { current: OLD, previous: OLD })).toThrow(/same key/);
  });
});
