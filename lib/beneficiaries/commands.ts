import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { beneficiaries } from '@/db/schema';
import type { Currency } from '@/lib/money';

export interface BeneficiaryInput {
  phone: string;
  currency: Currency;
  network: string;
  circle: string | null;
}

/** Remembers the network chosen for a number (ported lines), so the next sale pre-fills it. */
export function rememberBeneficiary(db: Db, agentId: number, input: BeneficiaryInput, now = Date.now()): void {
  db.insert(beneficiaries)
    .values({ agentId, ...input, lastUsedAt: now })
    .onConflictDoUpdate({
      target: [beneficiaries.agentId, beneficiaries.phone],
      set: { network: input.network, circle: input.circle, lastUsedAt: now },
    })
    .run();
}

export function renameBeneficiary(db: Db, agentId: number, id: number, name: string | null, network?: string): boolean {
  const result = db
    .update(beneficiaries)
    .set({ name, ...(network ? { network } : {}) })
    .where(and(eq(beneficiaries.id, id), eq(beneficiaries.agentId, agentId)))
    .run();
  return result.changes === 1;
}

export function deleteBeneficiary(db: Db, agentId: number, id: number): boolean {
  return db.delete(beneficiaries).where(and(eq(beneficiaries.id, id), eq(beneficiaries.agentId, agentId))).run().changes === 1;
}
