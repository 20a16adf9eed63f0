import type { ProviderId } from './types';

/**
 * The demo contract with each provider: what it charges us, in basis points of face value (its
 * discount is our gross margin). The simulator draws its float down by exactly this, so the admin's
 * reconciliation of our settled costs against the provider's balance readings agrees on a demo.
 * A live contract's rate is set per provider with the `costBps` option.
 */
export const DEMO_COST_BPS: Record<ProviderId, number> = {
  jonet: 9_500,
  vtpass: 9_550,
  cwg: 9_450,
  rechargekit: 9_600,
};
