import { Refusal } from '@/lib/errors';

export type FieldErrors = Record<string, string[] | undefined>;

/** What every server action returns: its data, or a refusal as the form shows it (never a class). */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors; stepUp?: boolean };

/** The one way an action says no: the refusal's message, repeated beside its field when it names one. */
export function fail(refusal: Refusal | string, fieldErrors?: FieldErrors): ActionResult<never> {
  const { message, field } = typeof refusal === 'string' ? new Refusal(refusal) : refusal;
  return {
    ok: false,
    message,
    fieldErrors: field ? { ...fieldErrors, [field]: [message] } : fieldErrors,
  };
}

export const ok = <T>(data: T, message?: string): ActionResult<T> => ({ ok: true, data, message });
