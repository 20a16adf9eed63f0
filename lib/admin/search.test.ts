// The admin search boxes answer alike on both engines: case ignored (PostgreSQL's LIKE does not ignore
// it, SQLite's does) and the typed text taken literally.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { listAgents } from '@/lib/users/queries';
import { execute, one, rows } from '@/db/query';
import { createTestDb, insertUser } from '@/test/world/db';
import { listAudit } from './audit';
import { listCatalogue } from './catalogue';
import { listAdminPurchases } from './transactions';

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

async function product(name: string): Promise<number> {
  const { id } = await one(
    rows<{ id: number }>(
      db,
      sql`insert into products (identity, currency, network, type, name, updated_at)
      values (${name}, 'NGN', 'MTN', 'data', ${name}, 0) returning id`,
    ),
  );
  return id;
}

async function sale(agentId: number, productId: number, reference: string) {
  await execute(
    db,
    sql`insert into purchases (agent_id, idempotency_key, request_hash, product_id, type, currency, network, phone, face_minor, agent_cost_minor, commission_minor, status, provider, reference, created_at, updated_at)
      values (${agentId}, ${reference}, 'h', ${productId}, 'data', 'NGN', 'MTN', '08031234567', 1000, 990, 10, 'SUCCESS', 'jonet', ${reference}, 1, 1)`,
  );
}

describe('admin search', () => {
  it('finds a product by its name in any case', async () => {
    await product('MTN Data 1GB');
    await product('Glo Data 2GB');
    const names = async (q: string) =>
      (await listCatalogue(db, { q })).rows.map((p) => p.name).sort();
    expect(await names('mtn data')).toEqual(['MTN Data 1GB']);
    expect(await names('DATA')).toEqual(['Glo Data 2GB', 'MTN Data 1GB']);
    expect(await names('_')).toEqual([]); // a wildcard, unescaped, would match every name
  });

  it('finds a sale by its reference or its agent’s email in any case', async () => {
    const agent = await insertUser(db, 'agent', { email: 'Ada.Obi@Example.test' });
    const productId = await product('MTN Data 1GB');
    await sale(agent.id, productId, 'PTL-ABC123');
    await sale((await insertUser(db)).id, productId, 'PTL-XYZ789');
    const references = async (q: string) =>
      (await listAdminPurchases(db, { q })).rows.map((p) => p.reference);
    expect(await references('ptl-abc')).toEqual(['PTL-ABC123']);
    expect(await references('ada.obi@example')).toEqual(['PTL-ABC123']);
    expect(await references('%')).toEqual([]);
  });

  it('finds an agent by name or email in any case', async () => {
    await insertUser(db, 'agent', { name: 'Chidi Okeke', email: 'Chidi@Shop.test' });
    await insertUser(db, 'agent', { name: 'Bola Ade', email: 'bola@shop.test' });
    const emails = async (q: string) => (await listAgents(db, q)).map((a) => a.email);
    expect(await emails('CHIDI')).toEqual(['Chidi@Shop.test']);
    expect(await emails('okeke')).toEqual(['Chidi@Shop.test']);
    expect(await emails('BOLA@SHOP')).toEqual(['bola@shop.test']);
    expect(await emails('chidi@shop')).toEqual(['Chidi@Shop.test']); // the email as stored, mixed case
  });

  it('filters the audit log by action prefix, actor and target type in any case', async () => {
    const actor = { userId: null, label: 'Admin@Portal.test', ip: null };
    await recordAudit(db, actor, { action: 'funding.approve', targetType: 'funding_request' });
    await recordAudit(db, actor, { action: 'provider.pause', targetType: 'provider' });
    await recordAudit(db, { ...actor, label: 'system' }, { action: 'funding.reject' });
    const actions = async (filter: Parameters<typeof listAudit>[1]) =>
      (await listAudit(db, filter)).rows.map((r) => r.action).sort();
    expect(await actions({ action: 'Funding.' })).toEqual(['funding.approve', 'funding.reject']);
    expect(await actions({ actor: 'admin@portal' })).toEqual(['funding.approve', 'provider.pause']);
    expect(await actions({ target: 'Provider' })).toEqual(['provider.pause']);
  });
});
