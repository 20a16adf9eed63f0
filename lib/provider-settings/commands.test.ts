import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { providerCredentials } from '@/db/schema';
import { env } from '@/lib/env';
import { createTestDb, insertUser } from '@/test/world/db';
import { loadProviderRuntime } from './load';
import {
  recordProviderBalance,
  resumeProvider,
  setProviderCredential,
  updateProviderSettings,
} from './commands';
import { listCredentialStatus, getProviderSettings } from './queries';
import { seedProviderSettings } from './seed';
import { listBalanceSnapshots } from './snapshots';

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, file, cleanup } = createTestDb());
  seedProviderSettings(db, 'http://127.0.0.1:4010');
});
afterEach(() => cleanup());

/** Every byte SQLite wrote for this database: the main file, the WAL and the shared-memory index. */
function databaseBytes(): Buffer {
  const dir = path.dirname(file);
  return Buffer.concat(
    fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(path.basename(file)))
      .map((f) => fs.readFileSync(path.join(dir, f))),
  );
}

describe('provider credentials at rest', () => {
  it('never writes a credential in clear to the database file, and still decrypts it for the adapter', () => {
    const admin = insertUser(db, 'admin');
    const canary = `CANARY-${randomBytes(12).toString('hex')}`;
    setProviderCredential(
      db,
      { userId: admin.id, label: admin.email, ip: '10.0.0.1' },
      'jonet',
      'apiKey',
      canary,
    );
    expect(databaseBytes().includes(Buffer.from(canary))).toBe(false);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(databaseBytes().includes(Buffer.from(canary))).toBe(false);
    // Sanity: the check can see text, and the stored value is the sealed one.
    expect(databaseBytes().includes(Buffer.from('provider.credential_set'))).toBe(true);
    expect(loadProviderRuntime(db, 'jonet')?.config.credentials.apiKey).toBe(canary);
  });

  it('shows only when and by whom a credential was set, and audits the change without the value', () => {
    const admin = insertUser(db, 'admin');
    setProviderCredential(
      db,
      { userId: admin.id, label: admin.email, ip: null },
      'vtpass',
      'secretKey',
      'SK_new_value',
      1_700_000_000_000,
    );
    const status = listCredentialStatus(db, 'vtpass');
    expect(status.find((s) => s.field === 'secretKey')).toEqual({
      field: 'secretKey',
      setAt: 1_700_000_000_000,
      setBy: admin.email,
    });
    expect(JSON.stringify(status)).not.toContain('SK_new_value');
    const audit = db.all<{ detail: string }>(
      sql`select detail from audit_log where action = 'provider.credential_set'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain('SK_new_value');
  });

  it('refuses a field the provider does not have and writes nothing', () => {
    const before = db
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.provider, 'cwg'))
      .all();
    expect(() =>
      setProviderCredential(db, { userId: null, label: 'x', ip: null }, 'cwg', 'apiKey', 'x'),
    ).toThrow(/no credential/);
    expect(
      db.select().from(providerCredentials).where(eq(providerCredentials.provider, 'cwg')).all(),
    ).toEqual(before);
  });

  it('a ciphertext copied onto another provider row does not open', () => {
    const jonet = db
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.provider, 'jonet'))
      .get()!;
    db.update(providerCredentials)
      .set({ ciphertext: jonet.ciphertext })
      .where(sql`provider = 'rechargekit' and field = 'token'`)
      .run();
    expect(() => loadProviderRuntime(db, 'rechargekit')).toThrow();
    expect(env.CREDENTIALS_KEY).toBeTruthy();
  });
});

describe('provider settings', () => {
  it('saves settings with an audit row of what changed, and resumes a paused provider', () => {
    const actor = { userId: null, label: 'admin@test', ip: null };
    const before = getProviderSettings(db, 'cwg')!;
    updateProviderSettings(db, actor, 'cwg', {
      enabled: false,
      baseUrl: before.baseUrl,
      timeoutMs: 5000,
      paths: { balance: '/b' },
      options: before.options ?? {},
      lowBalanceMinor: 100_000,
    });
    const after = getProviderSettings(db, 'cwg')!;
    expect(after).toMatchObject({
      enabled: false,
      timeoutMs: 5000,
      paths: { balance: '/b' },
      lowBalanceMinor: 100_000,
    });
    const detail = db.get<{ detail: string }>(
      sql`select detail from audit_log where action = 'provider.settings'`,
    )!.detail;
    expect(Object.keys(JSON.parse(detail).changes).sort()).toEqual([
      'enabled',
      'lowBalanceMinor',
      'paths',
      'timeoutMs',
    ]);

    expect(() => resumeProvider(db, actor, 'cwg')).toThrow(/not paused/);
    db.$client
      .prepare("update provider_settings set paused_at = 1, paused_reason = 'x' where id = 'cwg'")
      .run();
    resumeProvider(db, actor, 'cwg');
    expect(getProviderSettings(db, 'cwg')?.pausedAt).toBeNull();
  });

  it('keeps the float reading and a bounded snapshot history', () => {
    recordProviderBalance(db, 'jonet', 900, 2000);
    recordProviderBalance(db, 'jonet', 1000, 1000);
    expect(getProviderSettings(db, 'jonet')).toMatchObject({
      lastBalanceMinor: 900,
      lastBalanceAt: 2000,
    });
    expect(listBalanceSnapshots(db, 'jonet')).toEqual([
      { at: 1000, amountMinor: 1000 },
      { at: 2000, amountMinor: 900 },
    ]);
  });
});
