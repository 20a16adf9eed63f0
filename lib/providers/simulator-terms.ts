import { registry } from './registry';

/**
 * The simulator's commercial terms with each provider (each descriptor's `costTerms`): what it charges
 * us, in basis points of face value (its discount is our gross margin). The simulator draws its float
 * down by exactly this (`costAtBps` in lib/money.ts, the rule the portal settles with), so the admin's
 * reconciliation of our settled costs against the provider's balance readings agrees on a demo.
 * A live contract's rate is set per provider with the `costBps` option.
 */
export const DEMO_COST_BPS = registry.pick((p) => p.costTerms.costBps);
