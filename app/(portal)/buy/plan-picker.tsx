'use client';

import { useState } from 'react';
import { sizeLabel, validityLabel } from '@/lib/catalogue/labels';
import { formatMoney, type Currency } from '@/lib/money';
import type { SellableProduct } from './types';

/** What a card shows: a data plan (size, validity) or a TV bouquet (its name only). */
type PlanCard = Pick<SellableProduct, 'id' | 'name' | 'priceMinor'> &
  Partial<Pick<SellableProduct, 'dataMb' | 'validityDays'>>;

const VALIDITY: { id: string; label: string; test: (days: number | null) => boolean }[] = [
  { id: 'all', label: 'All', test: () => true },
  { id: 'daily', label: 'Daily', test: (d) => d !== null && d <= 2 },
  { id: 'weekly', label: 'Weekly', test: (d) => d !== null && d >= 3 && d <= 14 },
  { id: 'monthly', label: 'Monthly', test: (d) => d !== null && d >= 15 },
];

/** Plans as cards: size, validity and price, cheapest first, filterable by validity. */
export function PlanPicker<P extends PlanCard>({
  plans,
  currency,
  selectedId,
  onSelect,
  error,
  legend = 'Plan',
  byValidity = true,
}: {
  plans: P[];
  currency: Currency;
  selectedId: number | null;
  onSelect: (p: P) => void;
  error?: string;
  legend?: string;
  /** TV bouquets have no validity to filter by. */
  byValidity?: boolean;
}) {
  const [validity, setValidity] = useState('all');
  const rule = VALIDITY.find((v) => v.id === validity) ?? VALIDITY[0]!;
  const shown = plans
    .filter((p) => rule.test(p.validityDays ?? null))
    .sort((a, b) => (a.priceMinor ?? 0) - (b.priceMinor ?? 0));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div
        className={byValidity ? 'mt-1 flex gap-2 overflow-x-auto' : 'hidden'}
        role="group"
        aria-label="Validity"
      >
        {VALIDITY.map((v) => (
          <button
            key={v.id}
            type="button"
            aria-pressed={v.id === validity}
            onClick={() => setValidity(v.id)}
            className={`min-h-9 rounded-full border px-3 text-sm ${v.id === validity ? 'border-slate-800 bg-slate-800 text-white' : 'border-slate-300 bg-white'}`}
          >
            {v.label}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No plans for this network{validity === 'all' ? '' : ' and validity'}.
        </p>
      ) : null}
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
        {shown.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={p.id === selectedId}
            onClick={() => onSelect(p)}
            data-testid="plan-card"
            className={`rounded-lg border p-3 text-left ${p.id === selectedId ? 'border-accent-600 ring-2 ring-accent-600' : 'border-slate-300 bg-white'}`}
          >
            <span className="block text-lg font-bold">{sizeLabel(p.dataMb ?? null) || p.name}</span>
            <span className="block text-xs text-slate-600">
              {validityLabel(p.validityDays ?? null)}
            </span>
            <span className="mt-1 block font-semibold text-accent-700">
              {p.priceMinor === null ? '' : formatMoney(p.priceMinor, currency)}
            </span>
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
