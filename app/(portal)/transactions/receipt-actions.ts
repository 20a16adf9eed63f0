'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { issueReceiptToken, revokeReceiptLinks } from '@/lib/receipts/issue';
import { receiptPathFor } from '@/lib/receipts/token';

const schema = z.object({
  purchaseId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** A new receipt link for one of the agent's own sales (only its hash is stored). */
export const issueReceiptLinkAction = action('agent', schema, async ({ purchaseId }, { user }) => {
  const token = await issueReceiptToken(getDb(), user.id, purchaseId);
  if (!token) return fail('That sale was not found.');
  revalidatePath(`/transactions/${purchaseId}`);
  return ok({ path: receiptPathFor(token) });
});

/** Ends every receipt link of one of the agent's own sales; audited. */
export const revokeReceiptLinksAction = action(
  'agent',
  schema,
  async ({ purchaseId }, { user, actor }) => {
    const ended = await revokeReceiptLinks(getDb(), { ...actor, userId: user.id }, purchaseId);
    if (ended === null) return fail('That sale was not found.');
    revalidatePath(`/transactions/${purchaseId}`);
    return ok(
      undefined,
      ended === 0
        ? 'This sale had no live receipt links.'
        : `${ended} receipt link${ended === 1 ? '' : 's'} revoked: ${ended === 1 ? 'it no longer opens' : 'they no longer open'}.`,
    );
  },
);
