'use client';

import { startTransition, useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import type { BillCustomer } from '@/lib/bills/verify';
import { verifyAccountAction } from './actions';

/**
 * The verify step's state: the customer it found is only shown while the inputs it was asked about
 * (product and account) are still the ones on screen, so editing the number hides a stale name.
 */
export function useVerify(productId: number | null, account: string) {
  const [state, run, verifying] = useActionState<ActionResult<BillCustomer> | null, FormData>(
    verifyAccountAction,
    null,
  );
  const [askedFor, setAskedFor] = useState('');
  const current = `${productId ?? ''}|${account}`;
  const fresh = askedFor === current;

  function verify() {
    if (!productId || !account) return;
    const form = new FormData();
    form.set('productId', String(productId));
    form.set('account', account);
    setAskedFor(current);
    startTransition(() => run(form));
  }

  return {
    verify,
    verifying,
    customer: fresh && state?.ok ? state.data : null,
    /** The refusal in words, for the account field (a wrong meter) or the form. */
    error: fresh && state && !state.ok ? (state.fieldErrors?.account?.[0] ?? state.message) : null,
  };
}
