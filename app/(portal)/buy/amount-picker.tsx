'use client';

import { formatMoney, minorToWholeOrDecimal2, parseTypedAmount, type Currency } from '@/lib/money';

const AIRTIME_CHIPS_MINOR = [10_000, 20_000, 50_000, 100_000, 200_000, 500_000];

/** Amounts as chips plus a free amount, within the product's limits. */
export function AmountPicker({
  currency,
  value,
  onChange,
  minMinor,
  maxMinor,
  error,
  chipsMinor = AIRTIME_CHIPS_MINOR,
}: {
  currency: Currency;
  value: string;
  onChange: (v: string) => void;
  minMinor: number;
  maxMinor: number;
  error?: string;
  /** The usual amounts for this product (an electricity meter takes larger ones than a phone). */
  chipsMinor?: readonly number[];
}) {
  const parsed = parseTypedAmount(value);
  const selected = parsed.ok ? parsed.minor : null;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">Amount</legend>
      <div className="mt-1 grid grid-cols-3 gap-2">
        {chipsMinor
          .filter((m) => m >= minMinor && m <= maxMinor)
          .map((chip) => (
            <button
              key={chip}
              type="button"
              aria-pressed={selected === chip}
              onClick={() => onChange(minorToWholeOrDecimal2(chip))}
              className={`min-h-11 rounded-lg border text-sm font-semibold ${selected === chip ? 'border-accent-600 bg-accent-600 text-white' : 'border-slate-300 bg-white'}`}
            >
              {formatMoney(chip, currency).replace('.00', '')}
            </button>
          ))}
      </div>
      <label className="mt-2 block text-sm text-slate-700">
        Other amount
        <input
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
        />
      </label>
      <p className="mt-1 text-xs text-slate-600">
        From {formatMoney(minMinor, currency)} to {formatMoney(maxMinor, currency)}
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
