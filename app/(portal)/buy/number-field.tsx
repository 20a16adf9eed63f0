'use client';

import { useId } from 'react';
import {
  detectNigerianNetwork,
  formatNigerianNumber,
  normaliseIndianNumber,
  normaliseNigerianNumber,
} from '@/lib/catalogue/phone';
import type { Currency } from '@/lib/money';
import type { SaleFormProps } from './types';

interface Props {
  currency: Currency;
  value: string;
  onChange: (value: string) => void;
  network: string;
  onNetwork: (network: string, byHand: boolean) => void;
  networks: string[];
  recentNumbers: SaleFormProps['recentNumbers'];
  error?: string;
}

/** Number first: formats as people type, detects the network, and lets them override it (ported lines). */
export function NumberField({
  currency,
  value,
  onChange,
  network,
  onNetwork,
  networks,
  recentNumbers,
  error,
}: Props) {
  const listId = useId();
  const india = currency === 'INR';

  function handleChange(raw: string) {
    const national = india ? normaliseIndianNumber(raw) : normaliseNigerianNumber(raw);
    onChange(national && !india ? formatNigerianNumber(national) : raw);
    if (!national) return;
    const remembered = recentNumbers.find((r) => r.phone === national);
    if (remembered) onNetwork(remembered.network, false);
    else if (!india) {
      const detected = detectNigerianNetwork(national);
      if (detected) onNetwork(detected, false);
    }
  }

  return (
    <div>
      <label htmlFor="phone" className="block text-sm font-medium text-slate-700">
        Customer&apos;s number
      </label>
      <input
        id="phone"
        name="phone"
        inputMode="tel"
        autoComplete="tel"
        list={listId}
        placeholder={india ? '98765 43210' : '0803 123 4567'}
        value={value}
        onChange={(e) => handleChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'phone-error' : undefined}
        className="mt-1 block w-full min-h-12 rounded-lg border border-slate-300 bg-white px-3 py-2 text-lg tracking-wide"
      />
      <datalist id={listId}>
        {recentNumbers.map((r) => (
          <option key={r.phone} value={r.phone}>
            {r.name ? `${r.name} · ${r.network}` : r.network}
          </option>
        ))}
      </datalist>
      {error ? (
        <p id="phone-error" role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-2" role="group" aria-label="Network">
        {networks.map((n) => (
          <button
            key={n}
            type="button"
            aria-pressed={n === network}
            onClick={() => onNetwork(n, true)}
            className={`min-h-10 rounded-full border px-3 text-sm font-semibold ${n === network ? 'border-accent-600 bg-accent-600 text-white' : 'border-slate-300 bg-white text-slate-700'}`}
          >
            {n === network ? '✓ ' : ''}
            {n}
          </button>
        ))}
      </div>
      {network ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="detected-network">
          Network: {network} · tap another if the line was ported
        </p>
      ) : null}
    </div>
  );
}
