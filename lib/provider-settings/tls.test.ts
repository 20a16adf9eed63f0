// Per-provider TLS trust against a real HTTPS simulator whose certificate comes from its own CA.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { providerSettings } from '@/db/schema';
import { createTestCa, type TestCa } from '@/test/world/certs';
import { createTestDb, insertUser } from '@/test/world/db';
import { SIMULATOR_PREFIX } from '@/lib/providers/registry';
import type { ProviderId } from '@/lib/providers/registry';
import { startSimulator, type RunningSimulator } from '@/simulator/server';
import { eq } from 'drizzle-orm';
import { providerFor } from './adapters';
import { seedProviderSettings } from './seed';
import { testProviderConnection } from './test-connection';
import { parseCaBundle, setProviderTls } from './tls';
import { first, rows } from '@/db/query';

let db: Db;
let cleanupDb: () => void;
let ca: TestCa;
let strangerCa: TestCa;
let plain: RunningSimulator;
let byIp: RunningSimulator; // certificate names IP:127.0.0.1, as CWG's raw-IP endpoint would need
let byName: RunningSimulator; // certificate names only DNS:vend.cwg.test, served on 127.0.0.1
const admin = async () => ({
  userId: (await insertUser(db, 'admin')).id,
  label: 'admin@test',
  ip: '10.0.0.9',
});

beforeAll(async () => {
  ca = createTestCa('Provider Private CA');
  strangerCa = createTestCa('Somebody Else CA');
  plain = await startSimulator({ port: 0 });
  byIp = await startSimulator({ port: 0, tls: ca.issue('IP:127.0.0.1') });
  byName = await startSimulator({ port: 0, tls: ca.issue('DNS:vend.cwg.test') });
  ({ db, cleanup: cleanupDb } = await createTestDb());
  await seedProviderSettings(db, plain.url);
  await db.update(providerSettings).set({ timeoutMs: 3_000 });
}, 60_000);
afterAll(async () => {
  await Promise.all([plain?.close(), byIp?.close(), byName?.close()]);
  cleanupDb?.();
  ca?.cleanup();
  strangerCa?.cleanup();
});

async function pointAt(id: ProviderId, sim: RunningSimulator) {
  await db
    .update(providerSettings)
    .set({ baseUrl: sim.url + SIMULATOR_PREFIX[id] })
    .where(eq(providerSettings.id, id));
}

let sold = 0;
async function sellThrough(id: ProviderId) {
  const live = (await providerFor(db, id))!;
  return live.adapter.buyAirtime({
    reference: `2026010112${String(++sold).padStart(8, '0')}`,
    phone: '08031234500',
    network: 'MTN',
    amountMinor: 10_000,
  });
}

/** A status question on a sale: over a connection the client cannot trust, the answer is UNKNOWN. */
async function requeryThrough(id: ProviderId) {
  return (await providerFor(db, id))!.adapter.requery('202601011200000000');
}

const UNTRUSTED = /UNABLE_TO_VERIFY|SELF_SIGNED|certificate/i;

describe('a provider behind a private CA', () => {
  it('fails as a transport error while the portal does not trust the CA: the sale is UNKNOWN, never a guess', async () => {
    await pointAt('cwg', byIp);
    const connection = await testProviderConnection(db, null, 'cwg');
    expect(connection).toMatchObject({ ok: false });
    expect(connection.ok ? '' : connection.error).toMatch(UNTRUSTED);
    const status = await requeryThrough('cwg');
    expect(status.status).toBe('UNKNOWN');
    expect(status.exchanges.at(-1)?.error).toMatch(UNTRUSTED);
    // A sale's token request fails the same way, so its vend never leaves: CWG's "not sent" failure.
    const sale = await sellThrough('cwg');
    expect(sale).toMatchObject({ status: 'FAILED', providerCode: 'token_unavailable' });
    expect(sale.exchanges.map((e) => e.url)).toEqual([expect.stringContaining('/oauth2/token')]);
    expect(sale.exchanges[0]?.error).toMatch(UNTRUSTED);
  });

  it('succeeds once its settings trust that CA, and audits the change with the certificate’s fingerprint', async () => {
    await pointAt('cwg', byIp);
    const [summary] = await setProviderTls(db, await admin(), 'cwg', {
      caPem: ca.caPem,
      serverName: null,
    });
    expect(summary?.subject).toContain('Provider Private CA');
    expect(await testProviderConnection(db, null, 'cwg')).toMatchObject({
      ok: true,
      currency: 'NGN',
    });
    expect((await sellThrough('cwg')).status).toBe('SUCCESS');
    const audit = (await first(
      rows<{ detail: string; ip: string | null }>(
        db,
        sql`select detail, ip from audit_log where action = 'provider.tls_trust' order by id desc limit 1`,
      ),
    ))!;
    expect(audit.ip).toBe('10.0.0.9');
    expect(JSON.parse(audit.detail)).toMatchObject({
      removed: false,
      certificates: [{ fingerprint256: summary!.fingerprint256 }],
    });
  });

  it('leaves every other client alone: another provider and the process-wide fetch still refuse that CA', async () => {
    await pointAt('cwg', byIp);
    await setProviderTls(db, await admin(), 'cwg', { caPem: ca.caPem, serverName: null });
    await pointAt('jonet', byIp);
    expect(await testProviderConnection(db, null, 'jonet')).toMatchObject({ ok: false });
    await expect(fetch(`${byIp.url}/__health`)).rejects.toThrow();
    // …and a provider on plain HTTP is unaffected by cwg's trust.
    await pointAt('jonet', plain);
    expect(await testProviderConnection(db, null, 'jonet')).toMatchObject({ ok: true });
    expect(await testProviderConnection(db, null, 'cwg')).toMatchObject({ ok: true });
  });

  it('trusts only the configured CA: a server certified by another CA fails even though a CA is set', async () => {
    await pointAt('cwg', byIp);
    await setProviderTls(db, await admin(), 'cwg', { caPem: strangerCa.caPem, serverName: null });
    const connection = await testProviderConnection(db, null, 'cwg');
    expect(connection.ok ? '' : connection.error).toMatch(UNTRUSTED);
    expect((await requeryThrough('cwg')).status).toBe('UNKNOWN');
  });

  it('still checks the name: a certificate for another host fails, unless the settings name the host it was issued for', async () => {
    await pointAt('cwg', byName);
    await setProviderTls(db, await admin(), 'cwg', { caPem: ca.caPem, serverName: null });
    const mismatch = await testProviderConnection(db, null, 'cwg');
    expect(mismatch.ok ? '' : mismatch.error).toMatch(/ALTNAME/);
    await setProviderTls(db, await admin(), 'cwg', {
      caPem: ca.caPem,
      serverName: 'vend.cwg.test',
    });
    expect(await testProviderConnection(db, null, 'cwg')).toMatchObject({ ok: true });
  });

  it('goes back to the system CAs when the trust is removed', async () => {
    await pointAt('cwg', byIp);
    await setProviderTls(db, await admin(), 'cwg', { caPem: ca.caPem, serverName: null });
    expect(await testProviderConnection(db, null, 'cwg')).toMatchObject({ ok: true });
    await setProviderTls(db, await admin(), 'cwg', { caPem: null, serverName: null });
    expect(
      await first(db.select().from(providerSettings).where(eq(providerSettings.id, 'cwg'))),
    ).toMatchObject({ caCertPem: null, tlsServerName: null });
    expect(await testProviderConnection(db, null, 'cwg')).toMatchObject({ ok: false });
  });
});

describe('the CA certificate field', () => {
  const stored = async () =>
    (await first(
      db
        .select({ pem: providerSettings.caCertPem })
        .from(providerSettings)
        .where(eq(providerSettings.id, 'vtpass')),
    ))!.pem;

  it.each([
    [
      'a private key',
      () =>
        `-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n${ca.caPem}`,
      /private key/,
    ],
    ['text that is not PEM', () => 'hello', /PEM certificates/],
    ['a certificate with text around it', () => `my CA:\n${ca.caPem}`, /nothing else/],
    [
      'a damaged certificate',
      () => ca.caPem.replace(/\n[A-Za-z0-9+/]{40}/, '\nAAAA'),
      /not a valid X\.509/,
    ],
    ['a server name that is not a host name', () => ca.caPem, /host name/, 'https://x'],
  ])(
    'refuses %s and writes nothing',
    async (_what, pem, message, serverName: string | null = null) => {
      const before = await stored();
      const audits = (await first(
        rows<{ n: number }>(db, sql`select count(*) as n from audit_log`),
      ))!.n;
      await expect(
        setProviderTls(db, await admin(), 'vtpass', { caPem: pem(), serverName }),
      ).rejects.toThrow(message);
      expect(await stored()).toBe(before);
      expect(
        (await first(rows<{ n: number }>(db, sql`select count(*) as n from audit_log`)))!.n,
      ).toBe(audits);
    },
  );

  it('refuses an expired certificate', () => {
    const later = new Date(Date.now() + 10 * 24 * 3_600_000);
    expect(() => parseCaBundle(ca.caPem, later)).toThrow(/expired/);
  });

  it('accepts a bundle of several CAs', () => {
    expect(parseCaBundle(`${ca.caPem}\n${strangerCa.caPem}`).map((c) => c.subject)).toEqual([
      'CN=Provider Private CA',
      'CN=Somebody Else CA',
    ]);
  });
});
