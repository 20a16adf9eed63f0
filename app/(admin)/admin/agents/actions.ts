'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { ok } from '@/lib/actions/result';
import { setAgentCommission, setAgentLimits } from '@/lib/admin/agents';
import { currency, id, optionalAmount, password, productType } from '@/lib/admin/schemas';
import { getUser } from '@/lib/users/queries';
import { createUser, endAllSessions, setPassword, setUserStatus } from '@/lib/users/commands';
import { fail } from '@/lib/actions/result';

const createSchema = z.object({
  name: z.string().trim().min(2, 'Enter the agent’s name.').max(100),
  email: z.email('Enter a valid email.').max(200),
  password,
  NGN: z.string().optional(),
  INR: z.string().optional(),
});

export const createAgentAction = action('admin', createSchema, async (input, { actor }) => {
  const currencies = (['NGN', 'INR'] as const).filter((c) => input[c] === 'on');
  if (currencies.length === 0)
    return fail('Pick at least one currency.', { NGN: ['Pick at least one currency.'] });
  const created = await createUser(getDb(), actor, {
    name: input.name,
    email: input.email,
    password: input.password,
    role: 'agent',
    currencies,
  });
  revalidatePath('/admin/agents');
  redirect(`/admin/agents/${created.id}?created=1`);
});

/** Refuses to act on anyone but an agent: admins are managed elsewhere. */
async function requireAgentRow(agentId: number) {
  const user = await getUser(getDb(), agentId);
  return user?.role === 'agent' ? user : null;
}

export const setAgentStatusAction = action(
  'admin',
  z.object({ agentId: id, status: z.enum(['active', 'disabled']) }),
  async (input, { actor }) => {
    if (!(await requireAgentRow(input.agentId))) return fail('No such agent.');
    await setUserStatus(getDb(), actor, input.agentId, input.status);
    revalidatePath(`/admin/agents/${input.agentId}`);
    revalidatePath('/admin/agents');
    return ok(
      undefined,
      input.status === 'disabled'
        ? 'Agent disabled. Their open sessions have ended.'
        : 'Agent enabled. They can sign in again.',
    );
  },
);

export const resetPasswordAction = action(
  'admin',
  z.object({ agentId: id, password }),
  async (input, { actor }) => {
    if (!(await requireAgentRow(input.agentId))) return fail('No such agent.');
    await setPassword(getDb(), actor, input.agentId, input.password);
    return ok(undefined, 'Password changed. The agent’s open sessions have ended.');
  },
);

export const endSessionsAction = action(
  'admin',
  z.object({ agentId: id }),
  async (input, { actor }) => {
    if (!(await requireAgentRow(input.agentId))) return fail('No such agent.');
    await endAllSessions(getDb(), actor, input.agentId);
    return ok(undefined, 'Every session of this agent has ended.');
  },
);

export const setLimitsAction = action(
  'admin',
  z.object({ agentId: id, maxSale: optionalAmount, dailyLimit: optionalAmount }),
  async (input, { actor }) => {
    await setAgentLimits(getDb(), actor, input.agentId, {
      maxSaleMinor: input.maxSale,
      dailyLimitMinor: input.dailyLimit,
    });
    revalidatePath(`/admin/agents/${input.agentId}`);
    return ok(undefined, 'Limits saved.');
  },
);

/** Percent with up to two decimals ("2.5") → basis points; empty → use the default. */
const percent = z.string().transform((s, ctx) => {
  if (!s.trim()) return null;
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(s.trim());
  const bps = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
  if (!Number.isInteger(bps) || bps > 5000) {
    ctx.addIssue({
      code: 'custom',
      message: 'Enter a percentage between 0 and 50, or leave empty for the default.',
    });
    return z.NEVER;
  }
  return bps;
});

export const setCommissionAction = action(
  'admin',
  z.object({
    agentId: id,
    currency,
    network: z.string().min(1).max(20),
    type: productType,
    rate: percent,
  }),
  async (input, { actor }) => {
    await setAgentCommission(getDb(), actor, {
      agentId: input.agentId,
      currency: input.currency,
      network: input.network,
      type: input.type,
      rateBps: input.rate,
    });
    revalidatePath(`/admin/agents/${input.agentId}`);
    return ok(
      undefined,
      input.rate === null
        ? `${input.network} ${input.type}: back to the default rate.`
        : `${input.network} ${input.type}: ${(input.rate / 100).toFixed(2)}% saved.`,
    );
  },
);
