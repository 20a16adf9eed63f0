'use client';

import { useActionState } from 'react';
import { sellAction, type SellActionData } from '@/app/(portal)/buy/actions';
import { ConfirmPanel, type ConfirmDetails } from '@/app/(portal)/buy/confirm-panel';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { ActionResult } from '@/lib/actions/result';
import { billerLabel } from '@/lib/bills/billers';
import { formatNigerianNumber, normaliseNigerianNumber } from '@/lib/catalogue/phone';
import type { PurchaseBanner } from '@/lib/health/banners';

/** The same sellAction as airtime and data: a bill is one more product, not a second sale path. */
export function useBillSale() {
  const [state, submit, pending] = useActionState<ActionResult<SellActionData> | null, FormData>(
    sellAction,
    null,
  );
  return {
    submit,
    pending,
    sold: state?.ok && state.data.kind === 'sold' ? state.data.outcome : null,
    repeat: state?.ok && state.data.kind === 'confirm_repeat' ? state.data.message : null,
    refusal: state && !state.ok ? state : null,
  };
}

/** The customer's phone, which the provider wants with every bill; formatted as people type. */
export function CustomerPhoneField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor="customer-phone" className="block text-sm font-medium text-slate-700">
        Customer&apos;s phone
      </label>
      <input
        id="customer-phone"
        inputMode="tel"
        autoComplete="tel"
        placeholder="0803 123 4567"
        value={value}
        onChange={(e) => {
          const national = normaliseNigerianNumber(e.target.value);
          onChange(national ? formatNigerianNumber(national) : e.target.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'customer-phone-error' : undefined}
        className="mt-1 block w-full min-h-12 rounded-lg border border-slate-300 bg-white px-3 py-2 text-lg tracking-wide"
      />
      {error ? (
        <p id="customer-phone-error" role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The meter or smartcard number, with the verify button beside it and its refusal under it. */
export function AccountField({
  label,
  value,
  onChange,
  onVerify,
  verifying,
  error,
  inputMode = 'numeric',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  onVerify: () => void;
  verifying: boolean;
  error?: string | null;
  inputMode?: 'numeric' | 'tel';
}) {
  return (
    <div>
      <label htmlFor="account" className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="account"
          inputMode={inputMode}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onVerify();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'account-error' : undefined}
          className="block min-h-12 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-lg tracking-wide"
        />
        <Button
          type="button"
          className="min-h-12 shrink-0"
          onClick={onVerify}
          disabled={verifying || value.trim() === ''}
          aria-busy={verifying}
        >
          {verifying ? 'Verifying…' : 'Verify'}
        </Button>
      </div>
      {error ? (
        <p id="account-error" role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The confirm step: everything once, one big button that cannot be sent twice. */
export function BillConfirm({
  details,
  sendLabel,
  pending,
  refusal,
  repeat,
  onBack,
}: {
  details: ConfirmDetails;
  sendLabel: string;
  pending: boolean;
  refusal: { message: string } | null;
  repeat: string | null;
  onBack: () => void;
}) {
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">Confirm the payment</h2>
      <ConfirmPanel d={details} />
      {refusal ? <Notice tone="error">{refusal.message}</Notice> : null}
      {repeat ? <Notice tone="warning">{repeat}</Notice> : null}
      <Button type="submit" className="w-full min-h-14 text-lg" disabled={pending}>
        {pending ? 'Sending…' : repeat ? 'Yes, send again' : sendLabel}
      </Button>
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        disabled={pending}
        onClick={onBack}
      >
        Change details
      </Button>
    </div>
  );
}

/** The health monitor's delay notice for the chosen company or service, as on the airtime form. */
export function BillerDelay({ banners, biller }: { banners: PurchaseBanner[]; biller: string }) {
  if (!banners.some((b) => b.network === biller)) return null;
  return (
    <Notice tone="warning">
      {billerLabel(biller)} is delayed. Payments still go through; some may take longer.
    </Notice>
  );
}
