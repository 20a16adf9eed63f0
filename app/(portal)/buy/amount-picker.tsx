'use client';

import { formatMoney, parseMajorToMinor, type Currency } from '@/lib/money';

const CHIPS_MAJOR = [100, 200, 500, 1000, 2000, 5000];

/** Amounts as chips plus a free amount, within the product's limits. */
export function AmountPicker({ currency, value, onChange, minMinor, maxMinor, error }: { currency: Currency; value: string; onChange: (v: string) => void; minMinor: number; maxMinor: number; error?: string }) {
  const selected = parseMajorToMinor(value);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">Amount</legend>
      <div className="mt-1 grid grid-cols-3 gap-2">
        {CHIPS_MAJOR.filter((m) => m * 100 >= minMinor && m * 100 <= maxMinor).map((major) => (
          <button key={major} type="button" aria-pressed={selected === major * 100} onClick={() => onChange(String(major))}
            className={`min-h-11 rounded-lg border text-sm font-semibold ${selected === major * 100 ? 'border-accent-600 bg-accent-600 text-white' : 'border-slate-300 bg-white'}`}>
            {formatMoney(major * 100, currency).replace('.00', '')}
          </button>
        ))}
      </div>
      <label className="mt-2 block text-sm text-slate-700">
        Other amount
        <input inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}
          className="mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base" />
      </label>
      <p className="mt-1 text-xs text-slate-600">From {formatMoney(minMinor, currency)} to {formatMoney(maxMinor, currency)}</p>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
