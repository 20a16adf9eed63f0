import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { beneficiaries } from '@/db/schema';
import { createTestDb, insertUser } from '@/test/world/db';
import { deleteBeneficiary, rememberBeneficiary, updateBeneficiary } from './commands';
import { listBeneficiaries, searchBeneficiaries } from './queries';

let db: Db;
let cleanup: () => void;
let agentA: number;
let agentB: number;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  agentA = (await insertUser(db)).id;
  agentB = (await insertUser(db)).id;
  await rememberBeneficiary(
    db,
    agentA,
    { phone: '08031234567', currency: 'NGN', network: 'MTN', circle: null },
    1_000,
  );
  await rememberBeneficiary(
    db,
    agentA,
    { phone: '08059876543', currency: 'NGN', network: 'GLO', circle: null },
    2_000,
  );
  await rememberBeneficiary(
    db,
    agentB,
    { phone: '08031234567', currency: 'NGN', network: 'AIRTEL', circle: null },
    3_000,
  );
  await rememberBeneficiary(
    db,
    agentB,
    { phone: '9876543210', currency: 'INR', network: 'JIO', circle: 'DL' },
    4_000,
  );
});
afterEach(() => cleanup());

const idOf = async (agentId: number, phone: string) =>
  (await listBeneficiaries(db, agentId)).find((b) => b.phone === phone)!.id;

describe('beneficiaries', () => {
  it('lists only the agent’s own numbers, most recent first', async () => {
    expect((await listBeneficiaries(db, agentA)).map((b) => [b.phone, b.network])).toEqual([
      ['08059876543', 'GLO'],
      ['08031234567', 'MTN'],
    ]);
    expect((await listBeneficiaries(db, agentB)).map((b) => [b.phone, b.network])).toEqual([
      ['9876543210', 'JIO'],
      ['08031234567', 'AIRTEL'],
    ]);
    expect((await listBeneficiaries(db, agentB, 'INR')).map((b) => b.phone)).toEqual([
      '9876543210',
    ]);
  });

  it('keeps a name and a changed network, and a later sale updates the network but keeps the name', async () => {
    const id = await idOf(agentA, '08031234567');
    expect(
      await updateBeneficiary(db, agentA, id, { name: '  Mama Nkechi ', network: 'GLO' }),
    ).toBe('updated');
    expect((await listBeneficiaries(db, agentA)).find((b) => b.id === id)).toMatchObject({
      name: 'Mama Nkechi',
      network: 'GLO',
    });
    await rememberBeneficiary(
      db,
      agentA,
      { phone: '08031234567', currency: 'NGN', network: '9MOBILE', circle: null },
      5_000,
    );
    expect((await listBeneficiaries(db, agentA))[0]).toMatchObject({
      id,
      name: 'Mama Nkechi',
      network: '9MOBILE',
    });
    expect(await updateBeneficiary(db, agentA, id, { name: '   ', network: '9MOBILE' })).toBe(
      'updated',
    );
    expect((await listBeneficiaries(db, agentA))[0]?.name).toBeNull();
  });

  it('refuses a network from the wrong country', async () => {
    const ng = await idOf(agentA, '08031234567');
    const india = await idOf(agentB, '9876543210');
    expect(await updateBeneficiary(db, agentA, ng, { name: null, network: 'JIO' })).toBe(
      'bad_network',
    );
    expect(await updateBeneficiary(db, agentB, india, { name: null, network: 'MTN' })).toBe(
      'bad_network',
    );
    expect(await updateBeneficiary(db, agentB, india, { name: null, network: 'AIRTEL' })).toBe(
      'updated',
    );
    expect((await listBeneficiaries(db, agentA)).find((b) => b.id === ng)?.network).toBe('MTN');
  });

  it('never lets agent B read, rename or delete agent A’s numbers', async () => {
    const aId = await idOf(agentA, '08031234567');
    const before = await db.select().from(beneficiaries);
    expect(await updateBeneficiary(db, agentB, aId, { name: 'stolen', network: 'GLO' })).toBe(
      'not_found',
    );
    expect(await deleteBeneficiary(db, agentB, aId)).toBe(false);
    expect(await db.select().from(beneficiaries)).toEqual(before);
    expect(await searchBeneficiaries(db, agentB, '0805')).toEqual([]);
    expect((await searchBeneficiaries(db, agentB, '0803')).map((b) => b.network)).toEqual([
      'AIRTEL',
    ]);
  });

  it('deletes the agent’s own number, and only that one', async () => {
    const aId = await idOf(agentA, '08031234567');
    expect(await deleteBeneficiary(db, agentA, aId)).toBe(true);
    expect((await listBeneficiaries(db, agentA)).map((b) => b.phone)).toEqual(['08059876543']);
    expect((await listBeneficiaries(db, agentB)).map((b) => b.phone)).toContain('08031234567');
    expect(await deleteBeneficiary(db, agentA, aId)).toBe(false);
  });

  it('searches by part of the number (spaces ignored) or the name, with LIKE wildcards taken literally', async () => {
    await updateBeneficiary(db, agentA, await idOf(agentA, '08059876543'), {
      name: 'Uncle 50% Shop',
      network: 'GLO',
    });
    expect((await searchBeneficiaries(db, agentA, '0805 987')).map((b) => b.phone)).toEqual([
      '08059876543',
    ]);
    expect((await searchBeneficiaries(db, agentA, 'uncle')).map((b) => b.phone)).toEqual([
      '08059876543',
    ]);
    expect((await searchBeneficiaries(db, agentA, '50%')).map((b) => b.phone)).toEqual([
      '08059876543',
    ]);
    expect(await searchBeneficiaries(db, agentA, '_')).toEqual([]); // unescaped, '_' would match any name
    expect((await searchBeneficiaries(db, agentA, '')).length).toBe(2);
  });
});
