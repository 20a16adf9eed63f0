import { headers } from 'next/headers';
import { z } from 'zod';
import type { Actor } from '@/lib/audit/record';
import { clientIp } from '@/lib/auth/client-ip';
import { isFreshlyVerified, secondFactorGate } from '@/lib/auth/second-factor/gate';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { Refusal } from '@/lib/errors';
import { fail, type ActionResult } from './result';

type Role = 'agent' | 'admin';

export interface ActionContext {
  user: CurrentUser;
  actor: Actor;
}

const MAX_FIELD_LENGTH = 2_000;

function formToObject(formData: FormData, maxFieldLength: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue; // Next's own bookkeeping fields
    if (typeof value === 'string' && value.length > maxFieldLength) throw new RangeError(key);
    out[key] = value;
  }
  return out;
}

export const SECOND_FACTOR_FIRST = {
  verify: 'Confirm your second factor first: sign in again to finish.',
  enrol: 'Set up a second factor first (authenticator app or passkey).',
} as const;

/**
 * The one door every server action goes through: the session (checked against the database), the
 * role, the second factor (proved, or for an agent not enrolled), then zod. The body receives
 * parsed input and the actor for audit rows. A refused input returns field errors and writes
 * nothing; a Refusal thrown by the body (a LedgerError is one) becomes the failed result.
 */
export function action<S extends z.ZodType, R>(
  role: Role,
  schema: S,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<R>> | ActionResult<R>,
  // Raised only for a field that is long by nature (a PEM certificate bundle); zod still bounds it.
  { maxFieldLength = MAX_FIELD_LENGTH }: { maxFieldLength?: number } = {},
) {
  return run(
    schema,
    body,
    (user) => {
      if (user.role !== role) return fail('You are not allowed to do this.');
      const gate = secondFactorGate(user.role, user.mfa);
      return gate === 'open' ? null : fail(SECOND_FACTOR_FIRST[gate]);
    },
    maxFieldLength,
  );
}

/**
 * For the sign-in's own second-factor steps: any signed-in session, even one that still owes its
 * second factor. The body decides what the session's state allows.
 */
export function sessionAction<S extends z.ZodType, R>(
  schema: S,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<R>> | ActionResult<R>,
) {
  return run(schema, body, () => null, MAX_FIELD_LENGTH);
}

function run<S extends z.ZodType, R>(
  schema: S,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<R>> | ActionResult<R>,
  refuse: (user: CurrentUser) => ActionResult<R> | null,
  maxFieldLength: number,
) {
  return async (
    _previous: ActionResult<R> | null,
    formData: FormData,
  ): Promise<ActionResult<R>> => {
    const user = await getCurrentUser();
    if (!user) return fail('Your session has ended. Sign in again.');
    const refused = refuse(user);
    if (refused) return refused;
    let raw: Record<string, unknown>;
    try {
      raw = formToObject(formData, maxFieldLength);
    } catch {
      return fail('One of the fields is too long.');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return fail(
        'Please correct the highlighted fields.',
        z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      );
    }
    const ip = clientIp(await headers());
    try {
      return await body(parsed.data, { user, actor: { userId: user.id, label: user.email, ip } });
    } catch (error) {
      if (error instanceof Refusal) return fail(error);
      throw error;
    }
  };
}

export const STEP_UP_MESSAGE =
  'For this change, confirm your second factor again (it was last confirmed more than 5 minutes ago).';

/** Step-up: null when the session proved its second factor recently, else the refusal the form shows. */
export function refuseUnlessFresh(user: CurrentUser, now = Date.now()): ActionResult<never> | null {
  return isFreshlyVerified(user, now)
    ? null
    : { ok: false, message: STEP_UP_MESSAGE, stepUp: true };
}
