'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action, refuseUnlessFresh } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { amount, currency, id } from '@/lib/admin/schemas';
import { creditNeedsStepUp } from '@/lib/auth/second-factor/gate';
import { approveFundingRequest, rejectFundingRequest } from '@/lib/funding-requests/commands';
import { getFundingRequestAmount } from '@/lib/funding-requests/queries';
import { fundWallet } from '@/lib/ledger/funding';
import { formatMoney } from '@/lib/money';
import { getUser } from '@/lib/users/queries';

const fundSchema = z.object({
  agentId: id,
  currency,
  direction: z.enum(['credit', 'debit']),
  amount,
  reference: z.string().trim().min(3, 'Enter the bank or internal reference.').max(100),
  reason: z.string().trim().min(3, 'Say why, for the audit log.').max(500),
});

/**
 * Idempotent by reference: submitting the same reference again changes nothing (fundWallet).
 * A large credit needs the second factor proved in the last minutes (step-up).
 */
export const fundWalletAction = action('admin', fundSchema, async (input, { user, actor }) => {
  const agent = await getUser(getDb(), input.agentId);
  if (agent?.role !== 'agent') return fail('No such agent.', { agentId: ['Pick an agent.'] });
  if (input.direction === 'credit' && creditNeedsStepUp(input.currency, input.amount)) {
    const refused = refuseUnlessFresh(user);
    if (refused) return refused;
  }
  const result = await fundWallet(getDb(), actor, {
    agentId: input.agentId,
    currency: input.currency,
    amount: input.amount,
    direction: input.direction,
    reference: input.reference,
    reason: input.reason,
  });
  revalidatePath('/admin/funding');
  revalidatePath(`/admin/agents/${input.agentId}`);
  const what = `${input.direction === 'credit' ? 'Credited' : 'Debited'} ${formatMoney(input.amount, input.currency)} ${input.direction === 'credit' ? 'to' : 'from'} ${agent.name}`;
  return ok(
    undefined,
    result.replayed
      ? `Reference ${input.reference} was already used for this movement; nothing changed.`
      : `${what}.`,
  );
});

export const approveFundingRequestAction = action(
  'admin',
  z.object({ requestId: id }),
  async (input, { user, actor }) => {
    const asked = await getFundingRequestAmount(getDb(), input.requestId);
    if (asked && creditNeedsStepUp(asked.currency, asked.amount)) {
      const refused = refuseUnlessFresh(user);
      if (refused) return refused;
    }
    const { request } = await approveFundingRequest(getDb(), actor, input.requestId);
    revalidatePath('/admin/funding');
    return ok(
      undefined,
      `Request #${request.id} approved: ${formatMoney(request.amount, request.currency)} credited.`,
    );
  },
);

export const rejectFundingRequestAction = action(
  'admin',
  z.object({
    requestId: id,
    reason: z.string().trim().min(3, 'Give a reason the agent can read.').max(500),
  }),
  async (input, { actor }) => {
    const { request } = await rejectFundingRequest(getDb(), actor, input.requestId, input.reason);
    revalidatePath('/admin/funding');
    return ok(undefined, `Request #${request.id} rejected.`);
  },
);
