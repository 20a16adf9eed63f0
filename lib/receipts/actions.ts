'use server';

import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { issueReceiptToken } from './issue';
import { receiptPathFor } from './token';

const schema = z.object({ purchaseId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The receipt link for one of the agent's own sales (stores its hash the first time). */
export const issueReceiptLinkAction = action('agent', schema, async ({ purchaseId }, { user }) => {
  const token = issueReceiptToken(getDb(), user.id, purchaseId);
  if (!token) return fail('That sale was not found.');
  return ok({ path: receiptPathFor(token) });
});
