import type { Currency } from '@/lib/money';

/** Where a session stands on its second factor (carried in the session token). */
export type SecondFactorState = 'none' | 'pending' | 'verified';

/**
 * What a session may do: 'open' (go on), 'verify' (prove the factor it has), 'enrol' (an admin
 * without a factor sets one up first). Agents without a factor are open: for them it is opt-in.
 */
export type Gate = 'open' | 'verify' | 'enrol';

export function secondFactorGate(role: 'agent' | 'admin', state: SecondFactorState): Gate {
  if (state === 'verified') return 'open';
  if (state === 'pending') return 'verify';
  return role === 'admin' ? 'enrol' : 'open';
}

export const GATE_PATHS = { verify: '/sign-in/verify', enrol: '/sign-in/enrol' } as const;

/** Changing provider credentials or a large credit needs a factor proved this recently (step-up). */
export const STEP_UP_WINDOW_MS = 5 * 60_000;

export function isFreshlyVerified(
  session: { mfa: SecondFactorState; mfaAt: number | null },
  now = Date.now(),
): boolean {
  return (
    session.mfa === 'verified' &&
    session.mfaAt !== null &&
    session.mfaAt <= now &&
    now - session.mfaAt <= STEP_UP_WINDOW_MS
  );
}

/** A credit above these (minor units) asks for the second factor again: ₦100,000 and ₹10,000. */
export const STEP_UP_CREDIT_ABOVE: Record<Currency, number> = { NGN: 10_000_000, INR: 1_000_000 };

export function creditNeedsStepUp(currency: Currency, amountMinor: number): boolean {
  return amountMinor > STEP_UP_CREDIT_ABOVE[currency];
}
