import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { beneficiaries } from '@/db/schema';
import type { Tx } from '@/db/transaction';
import { IN_OPERATORS, NG_NETWORKS } from '@/lib/catalogue/phone';
import type { Currency } from '@/lib/money';
import { first, written } from '@/db/query';

export interface BeneficiaryInput {
  phone: string;
  currency: Currency;
  network: string;
  circle: string | null;
}

const p = sql.placeholder;
const upsertBeneficiary = prepared((db) =>
  db
    .insert(beneficiaries)
    .values({
      agentId: p('agentId'),
      phone: p('phone'),
      currency: p('currency'),
      network: p('network'),
      circle: p('circle'),
      lastUsedAt: p('now'),
    })
    .onConflictDoUpdate({
      target: [beneficiaries.agentId, beneficiaries.phone],
      set: {
        network: sql`excluded.network`,
        circle: sql`excluded.circle`,
        lastUsedAt: sql`excluded.last_used_at`,
      },
    }),
);

/** Remembers the network chosen for a number (ported lines), so the next sale pre-fills it. */
export async function rememberBeneficiary(
  tx: Tx,
  agentId: number,
  input: BeneficiaryInput,
  now = Date.now(),
): Promise<void> {
  await upsertBeneficiary(tx).run({ agentId, ...input, now });
}

export async function renameBeneficiary(
  db: Db,
  agentId: number,
  id: number,
  name: string | null,
  network?: string,
): Promise<boolean> {
  const result = await written(
    db
      .update(beneficiaries)
      .set({ name, ...(network ? { network } : {}) })
      .where(and(eq(beneficiaries.id, id), eq(beneficiaries.agentId, agentId))),
  );
  return result === 1;
}

export async function deleteBeneficiary(db: Db, agentId: number, id: number): Promise<boolean> {
  return (
    (await written(
      db
        .delete(beneficiaries)
        .where(and(eq(beneficiaries.id, id), eq(beneficiaries.agentId, agentId))),
    )) === 1
  );
}

export const NETWORKS_BY_CURRENCY: Record<Currency, readonly string[]> = {
  NGN: NG_NETWORKS,
  INR: IN_OPERATORS,
};

export type UpdateBeneficiaryResult = 'updated' | 'not_found' | 'bad_network';

/**
 * The agent's edit of a saved number: a name (blank clears it) and the network (for a ported line),
 * checked against the number's own country. Another agent's id is "not found" and changes nothing.
 */
export async function updateBeneficiary(
  db: Db,
  agentId: number,
  id: number,
  input: { name: string | null; network: string },
): Promise<UpdateBeneficiaryResult> {
  const row = await first(
    db
      .select({ currency: beneficiaries.currency })
      .from(beneficiaries)
      .where(and(eq(beneficiaries.id, id), eq(beneficiaries.agentId, agentId))),
  );
  if (!row) return 'not_found';
  if (!NETWORKS_BY_CURRENCY[row.currency].includes(input.network)) return 'bad_network';
  const name = input.name?.trim() || null;
  return (await renameBeneficiary(db, agentId, id, name, input.network)) ? 'updated' : 'not_found';
}
