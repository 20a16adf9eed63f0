'use server';

import { after } from 'next/server';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { env } from '@/lib/env';
import type { SaleOutcome } from '@/lib/purchases/outcome';
import { startSale } from '@/lib/purchases/start-sale';
import { saleFormSchema } from '@/lib/validations/sale';

export type SellActionData = { kind: 'sold'; outcome: SaleOutcome } | { kind: 'confirm_repeat'; message: string };

export const sellAction = action('agent', saleFormSchema, async (input, { user }) => {
  const result = await startSale(getDb(), user.id, {
    idempotencyKey: input.idempotencyKey,
    productId: input.productId,
    phone: input.phone,
    network: input.network,
    circle: input.circle,
    amountMinor: input.amount,
    expectedPriceMinor: input.expectedPriceMinor,
    confirmRepeat: input.confirmRepeat === '1',
  }, { answerBudget: { ms: env.SALE_ANSWER_BUDGET_MS, inBackground: (work) => after(work) } });
  if (!result.ok) {
    if (result.repeatOf) return ok<SellActionData>({ kind: 'confirm_repeat', message: result.error });
    return fail(result.error, result.field ? { [result.field === 'amountMinor' ? 'amount' : result.field]: [result.error] } : undefined);
  }
  // No revalidatePath: every agent page is dynamic, and revalidating would re-render the buy page into
  // each sale's response. The result panel refreshes the header balance itself.
  return ok<SellActionData>({ kind: 'sold', outcome: result.outcome });
});
