'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { ok } from '@/lib/actions/result';
import { amount, currency } from '@/lib/admin/schemas';
import { submitFundingRequest } from '@/lib/funding-requests/commands';
import { formatMoney } from '@/lib/money';

const schema = z.object({
  currency,
  amount,
  bankReference: z.string().trim().min(3, 'Enter the reference from your bank transfer.').max(100),
  note: z.string().trim().max(500).optional(),
});

/** The agent id comes from the session, never from the form. */
export const submitFundingRequestAction = action(
  'agent',
  schema,
  async (input, { user, actor }) => {
    const request = await submitFundingRequest(getDb(), actor, user.id, input);
    revalidatePath('/wallet/funding');
    return ok(
      undefined,
      `Request for ${formatMoney(request.amount, request.currency)} sent. We will credit your wallet once the payment is confirmed.`,
    );
  },
);
