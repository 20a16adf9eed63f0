'use server';

import { after } from 'next/server';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { env } from '@/lib/env';
import type { SaleOutcome } from '@/lib/purchases/outcome';
import { startSale } from '@/lib/purchases/start-sale';
import { saleInputSchema } from '@/lib/purchases/sale-input';

export type SellActionData =
  { kind: 'sold'; outcome: SaleOutcome } | { kind: 'confirm_repeat'; message: string };

/** The form's fields are the sale input's keys, so the parsed form is the sale and a refusal names its field. */
export const sellAction = action('agent', saleInputSchema, async (input, { user }) => {
  const result = await startSale(getDb(), user.id, input, {
    answerBudget: { ms: env.SALE_ANSWER_BUDGET_MS, inBackground: (work) => after(work) },
  });
  if (!result.ok) {
    if (result.repeatOf)
      return ok<SellActionData>({ kind: 'confirm_repeat', message: result.refusal.message });
    return fail(result.refusal);
  }
  // No revalidatePath: every agent page is dynamic, and revalidating would re-render the buy page into
  // each sale's response. The result panel refreshes the header balance itself.
  return ok<SellActionData>({ kind: 'sold', outcome: result.outcome });
});
