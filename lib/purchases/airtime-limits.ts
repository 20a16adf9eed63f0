// No zod here: the sale form (a client component) imports these, and zod's parser compiler would try
// `new Function` in the browser, which the portal's CSP refuses.

/**
 * Airtime amounts a product may be sold for when its provider gives no limits of its own (minor
 * units). The sale form offers amounts within these and the sale refuses outside them: one constant.
 */
export const AIRTIME_LIMITS = { minMinor: 5_000, maxMinor: 5_000_000 } as const;

/** The amounts one airtime product may be sold for: its own limits, else the portal's. */
export function airtimeRange(product?: { minMinor: number | null; maxMinor: number | null }) {
  return {
    minMinor: product?.minMinor ?? AIRTIME_LIMITS.minMinor,
    maxMinor: product?.maxMinor ?? AIRTIME_LIMITS.maxMinor,
  };
}
