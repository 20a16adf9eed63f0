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
import { execute, first, rows } from '@/db/query';
import { sqliteFile } from '@/db/client';
import { testEngine } from '@/test/world/engine';

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, file, cleanup } = await createTestDb());
  await seedProviderSettings(db, 'http://127.0.0.1:4010');
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

/**
 * Every row of every table of the PostgreSQL test database, as text: what the server keeps (its files
 * are the server's, not the test's, to read).
 */
async function everyRowAsText(): Promise<Buffer> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  const texts: string[] = [];
  for (const { name } of tables)
    for (const row of await rows<{ text: string }>(
      db,
      sql`select t::text as text from ${sql.identifier(name)} t`,
    ))
      texts.push(row.text);
  return Buffer.from(texts.join('\n'));
}

/** What the engine stored: SQLite's files (checkpointed first), PostgreSQL's rows. */
async function storedBytes(): Promise<Buffer> {
  if (testEngine() === 'postgres') return everyRowAsText();
  sqliteFile(db).pragma('wal_checkpoint(TRUNCATE)');
  return databaseBytes();
}

describe('provider credentials at rest', () => {
  it('never writes a credential in clear to the database (its files on SQLite, its rows on PostgreSQL), and still decrypts it for the adapter', async () => {
    const admin = await insertUser(db, 'admin');
    const canary = `CANARY-${randomBytes(12).toString('hex')}`;
    await setProviderCredential(
      db,
      { userId: admin.id, label: admin.email, ip: '10.0.0.1' },
      'jonet',
      'apiKey',
      canary,
    );
    // On SQLite, before the checkpoint too: the WAL holds the newest pages.
    if (testEngine() === 'sqlite')
      expect(databaseBytes().includes(Buffer.from(canary))).toBe(false);
    const stored = await storedBytes();
    expect(stored.includes(Buffer.from(canary))).toBe(false);
    // Sanity: the check can see text, and the stored value is the sealed one.
    expect(stored.includes(Buffer.from('provider.credential_set'))).toBe(true);
    expect((await loadProviderRuntime(db, 'jonet'))?.config.credentials.apiKey).toBe(canary);
  });

  it('shows only when and by whom a credential was set, and audits the change without the value', async () => {
    const admin = await insertUser(db, 'admin');
    await setProviderCredential(
      db,
      { userId: admin.id, label: admin.email, ip: null },
      'vtpass',
      'secretKey',
      'SK_new_value',
      1_700_000_000_000,
    );
    const status = await listCredentialStatus(db, 'vtpass');
    expect(status.find((s) => s.field === 'secretKey')).toEqual({
      field: 'secretKey',
      setAt: 1_700_000_000_000,
      setBy: admin.email,
    });
    expect(JSON.stringify(status)).not.toContain('SK_new_value');
    const audit = await rows<{ detail: string }>(
      db,
      sql`select detail from audit_log where action = 'provider.credential_set'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain('SK_new_value');
  });

  it('refuses a field the provider does not have and writes nothing', async () => {
    const before = await db
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.provider, 'cwg'));
    await expect(
      setProviderCredential(db, { userId: null, label: 'x', ip: null }, 'cwg', 'apiKey', 'x'),
    ).rejects.toThrow(/no credential/);
    expect(
      await db.select().from(providerCredentials).where(eq(providerCredentials.provider, 'cwg')),
    ).toEqual(before);
  });

  it('a ciphertext copied onto another provider row does not open', async () => {
    const jonet = (await first(
      db.select().from(providerCredentials).where(eq(providerCredentials.provider, 'jonet')),
    ))!;
    await db
      .update(providerCredentials)
      .set({ ciphertext: jonet.ciphertext })
      .where(sql`provider = 'rechargekit' and field = 'token'`);
    await expect(loadProviderRuntime(db, 'rechargekit')).rejects.toThrow();
    expect(env.CREDENTIALS_KEY).toBeTruthy();
  });
});

describe('provider settings', () => {
  it('saves settings with an audit row of what changed, and resumes a paused provider', async () => {
    const actor = { userId: null, label: 'admin@test', ip: null };
    const before = (await getProviderSettings(db, 'cwg'))!;
    await updateProviderSettings(db, actor, 'cwg', {
      enabled: false,
      baseUrl: before.baseUrl,
      timeoutMs: 5000,
      paths: { balance: '/b' },
      options: before.options ?? {},
      lowBalanceMinor: 100_000,
    });
    const after = (await getProviderSettings(db, 'cwg'))!;
    expect(after).toMatchObject({
      enabled: false,
      timeoutMs: 5000,
      paths: { balance: '/b' },
      lowBalanceMinor: 100_000,
    });
    const detail = (await first(
      rows<{ detail: string }>(
        db,
        sql`select detail from audit_log where action = 'provider.settings'`,
      ),
    ))!.detail;
    expect(Object.keys(JSON.parse(detail).changes).sort()).toEqual([
      'enabled',
      'lowBalanceMinor',
      'paths',
      'timeoutMs',
    ]);

    await expect(resumeProvider(db, actor, 'cwg')).rejects.toThrow(/not paused/);
    await execute(
      db,
      sql`update provider_settings set paused_at = 1, paused_reason = 'x' where id = 'cwg'`,
    );
    await resumeProvider(db, actor, 'cwg');
    expect((await getProviderSettings(db, 'cwg'))?.pausedAt).toBeNull();
  });

  it('keeps the float reading and a bounded snapshot history', async () => {
    await recordProviderBalance(db, 'jonet', 900, 2000);
    await recordProviderBalance(db, 'jonet', 1000, 1000);
    expect(await getProviderSettings(db, 'jonet')).toMatchObject({
      lastBalanceMinor: 900,
      lastBalanceAt: 2000,
    });
    expect(await listBalanceSnapshots(db, 'jonet')).toEqual([
      { at: 1000, amountMinor: 1000 },
      { at: 2000, amountMinor: 900 },
    ]);
  });
});
