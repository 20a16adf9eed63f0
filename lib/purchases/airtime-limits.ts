// No zod here: the sale form (a client component) imports these, and zod's parser compiler would try
// `new Function` in the browser, which the portal's CSP refuses.
import { formatMoney, isWholeAmountWithin, type Currency } from '@/lib/money';

/**
 * Airtime amounts a product may be sold for when its provider gives no limits of its own (minor
 * units). The sale form offers amounts within these and the sale refuses outside them: one constant.
 */
export const AIRTIME_LIMITS = { minMinor: 5_000, maxMinor: 5_000_000 } as const;

type Limits = { minMinor: number | null; maxMinor: number | null };

/** The amounts one airtime product may be sold for: its own limits, else the portal's. */
export function airtimeRange(product?: Limits) {
  return {
    minMinor: product?.minMinor ?? AIRTIME_LIMITS.minMinor,
    maxMinor: product?.maxMinor ?? AIRTIME_LIMITS.maxMinor,
  };
}

/**
 * The one airtime amount rule, for the sale, the bulk file's check and the form: the amount, when it
 * may be sold as this product, else the amounts that may, in words ("a whole amount from ₦50.00 to
 * ₦50,000.00"). Whole naira or rupees only: airtime is sent to providers in major units.
 */
export function checkAirtimeAmount(
  product: Limits & { currency: Currency },
  amountMinor: number | null | undefined,
): { ok: true; amountMinor: number } | { ok: false; wanted: string } {
  const { minMinor, maxMinor } = airtimeRange(product);
  if (isWholeAmountWithin(amountMinor, { minMinor, maxMinor })) return { ok: true, amountMinor };
  const from = formatMoney(minMinor, product.currency);
  return {
    ok: false,
    wanted: `a whole amount from ${from} to ${formatMoney(maxMinor, product.currency)}`,
  };
}
