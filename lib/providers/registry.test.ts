import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { Db } from '@/db';
import { floatAccount } from '@/lib/ledger/accounts';
import {
  credentialInput,
  credentialFields,
  credentialInputFor,
} from '@/lib/provider-settings/fields';
import { createTestDb } from '@/test/world/db';
import { fixturetel } from './__fixture__';
import { jonet } from './jonet';
import { createRegistry, PROVIDERS, registry, type ProviderId } from './registry';

// The proof that a provider is one descriptor: a list with one more descriptor, and nothing else
// changed, gives every per-provider lookup the new provider.
const withFixture = createRegistry([...PROVIDERS, fixturetel]);

describe('a provider registered by its descriptor alone', () => {
  it('joins the id list and the id type', () => {
    expect(withFixture.ids).toEqual([...registry.ids, 'fixturetel']);
    expect(withFixture.isId('fixturetel')).toBe(true);
    expect(registry.isId('fixturetel')).toBe(false);
    expectTypeOf(withFixture.ids).toEqualTypeOf<readonly (ProviderId | 'fixturetel')[]>();
  });

  it('has its currency, label, timeout and cost terms looked up like any other', () => {
    expect(withFixture.pick((p) => p.currency)).toMatchObject({ fixturetel: 'INR', jonet: 'NGN' });
    expect(withFixture.find('fixturetel')?.label).toBe('Fixture Telecom');
    expect(withFixture.pick((p) => p.costTerms.costBps).fixturetel).toBe(9_700);
  });

  it('gets a simulator config from its prefix, timeout, credentials and default options', () => {
    expect(withFixture.defaultConfig('fixturetel', 'http://127.0.0.1:4010/')).toEqual({
      baseUrl: 'http://127.0.0.1:4010/fixturetel',
      timeoutMs: 12_000,
      credentials: { accessKey: 'sim-fixture-access-key', accountNo: '0042' },
      options: { mode: 'test' },
    });
  });

  it('is built by the one adapter factory, with the config and injected fetch passed through', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      asked.push(`${String(url)} ${new Headers(init?.headers).get('x-key')}`);
      return Response.json({ paise: 12_345 });
    }) as typeof globalThis.fetch;
    const config = withFixture.defaultConfig('fixturetel', 'http://sim');
    const adapter = withFixture.createAdapter('fixturetel', config, { fetch });
    expect(adapter.id).toBe('fixturetel');
    expect(await adapter.balance()).toEqual({
      amountMinor: 12_345,
      currency: 'INR',
      exchanges: [],
    });
    expect(asked).toEqual(['http://sim/fixturetel/balance sim-fixture-access-key']);
  });

  it('accepts only its own credential fields on the admin form', () => {
    const form = credentialInputFor(withFixture);
    expect(credentialFields('fixturetel', withFixture)).toEqual(['accessKey', 'accountNo']);
    expect(form.safeParse({ id: 'fixturetel', field: 'accessKey', value: 'k' }).success).toBe(true);
    const wrongField = form.safeParse({ id: 'fixturetel', field: 'apiKey', value: 'k' });
    expect(wrongField.error?.issues.map((i) => i.path.join('.'))).toEqual(['field']);
    // The app's own form, built from the app's list, does not know it.
    expect(
      credentialInput.safeParse({ id: 'fixturetel', field: 'accessKey', value: 'k' }).success,
    ).toBe(false);
  });

  describe('in the ledger', () => {
    let db: Db;
    let cleanup: () => void;
    beforeEach(async () => ({ db, cleanup } = await createTestDb()));
    afterEach(() => cleanup());

    it('gets a float account in its own currency', async () => {
      const account = await floatAccount(db, 'fixturetel', withFixture);
      expect(account).toMatchObject({
        code: 'float:fixturetel',
        kind: 'provider_float',
        currency: 'INR',
        provider: 'fixturetel',
      });
      await expect(floatAccount(db, 'fixturetel')).rejects.toThrow('Unknown provider fixturetel');
    });
  });
});

describe('the registry', () => {
  it('refuses two providers with one id', () => {
    const twice = [jonet, fixturetel, { ...fixturetel, label: 'Another' }];
    expect(() => createRegistry(twice)).toThrow('Two providers share an id');
  });

  it('builds each adapter that reports its own descriptor id and currency', () => {
    for (const p of PROVIDERS) {
      const adapter = registry.createAdapter(
        p.id,
        registry.defaultConfig(p.id, 'http://127.0.0.1:9'),
      );
      expect([adapter.id, adapter.currency]).toEqual([p.id, p.currency]);
    }
  });
});
