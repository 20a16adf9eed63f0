import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchaseAttempts, purchases } from '@/db/schema';
import { allowHit } from '@/lib/auth/throttle';
import { Refusal } from '@/lib/errors';
import type { ProviderDeps } from '@/lib/providers/types';
import { applyProviderResult } from './apply-result';
import { requeryAttempt } from './call';
import { toOutcome, type SaleOutcome } from './outcome';
import { isFinal } from './status';
import { first } from '@/db/query';

// Once per sale every 15 s and 20 a minute per agent: enough for a counter, gentle on the provider.
const PER_SALE = { limit: 1, windowMs: 15_000 };
const PER_AGENT = { limit: 20, windowMs: 60_000 };

export type CheckNowResult = { ok: true; outcome: SaleOutcome } | { ok: false; refusal: Refusal };

/** "Check now": asks the provider at once about one of the agent's own pending sales. */
export async function checkNow(
  db: Db,
  agentId: number,
  purchaseId: number,
  deps?: Partial<ProviderDeps>,
): Promise<CheckNowResult> {
  const purchase = await first(
    db
      .select()
      .from(purchases)
      .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, agentId))),
  );
  if (!purchase) return { ok: false, refusal: new Refusal('No such sale.') };
  if (isFinal(purchase.status)) return { ok: true, outcome: toOutcome(purchase) };
  if (
    !(await allowHit(db, `check-now:sale:${purchaseId}`, PER_SALE)) ||
    !(await allowHit(db, `check-now:agent:${agentId}`, PER_AGENT))
  ) {
    return {
      ok: false,
      refusal: new Refusal('We just checked this sale. Try again in a few seconds.'),
    };
  }
  const attempt = (await first(
    db.select().from(purchaseAttempts).where(eq(purchaseAttempts.reference, purchase.reference)),
  ))!;
  const result = await requeryAttempt(db, attempt, deps);
  const applied = await applyProviderResult(db, attempt.id, result, {
    by: 'check_now',
    now: Date.now(),
  });
  return { ok: true, outcome: toOutcome(applied.purchase) };
}
