'use client';

import { useState } from 'react';
import { formatToken } from '@/lib/bills/token';

export interface Delivered {
  token: string | null;
  units: string | null;
  customerName: string | null;
}

/**
 * The value a bill delivered (an electricity token and its units), grouped in fours as printed on
 * vouchers, with a copy button; or "awaiting token" while the money is settled and the token has not
 * come. Renders nothing for a sale that delivers no value (airtime, data, TV).
 */
export function TokenDisplay({
  delivered,
  awaitingToken,
  compact = false,
}: {
  delivered: Delivered | null | undefined;
  awaitingToken: boolean | undefined;
  compact?: boolean;
}) {
  const token = delivered?.token ?? null;
  if (token) {
    return (
      <div
        data-testid="bill-token"
        className={compact ? 'text-sm' : 'rounded-lg border border-slate-300 bg-white p-3'}
      >
        <p className={compact ? 'sr-only' : 'text-sm font-medium text-slate-600'}>Token</p>
        <p className="flex flex-wrap items-center gap-2">
          <span
            data-testid="token-value"
            className={`font-mono font-bold tracking-wider text-slate-900 ${compact ? 'text-sm' : 'text-xl'}`}
          >
            {formatToken(token)}
          </span>
          {compact ? null : <CopyToken token={token} />}
        </p>
        {delivered?.units ? (
          <p className={compact ? 'text-xs text-slate-600' : 'text-sm text-slate-700'}>
            Units: {delivered.units}
          </p>
        ) : null}
      </div>
    );
  }
  if (!awaitingToken) return null;
  return (
    <p
      data-testid="awaiting-token"
      className="flex items-center gap-2 text-sm font-semibold text-amber-900"
    >
      <span
        aria-hidden
        className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-amber-700 border-t-transparent"
      />
      Paid · awaiting token. It will appear here by itself.
    </p>
  );
}

/** Copies the token as grouped on screen: pasted into a message, the customer reads it the same way. */
export function CopyToken({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(formatToken(token));
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2_000);
    } catch {
      // No clipboard (plain http, old browser): the token stays on screen to read out.
    }
  }
  return (
    <button
      type="button"
      onClick={copy}
      className="no-print min-h-9 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold"
    >
      {copied ? '✓ Copied' : 'Copy token'}
      <span role="status" className="sr-only">
        {copied ? 'Token copied' : ''}
      </span>
    </button>
  );
}
