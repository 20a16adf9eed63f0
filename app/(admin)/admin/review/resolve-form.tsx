'use client';

import { useActionState } from 'react';
import { resolveSaleAction } from './actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

/** A dangerous action: a reason and an explicit confirmation, audited on the server. */
export function ResolveForm({ purchaseId }: { purchaseId: number }) {
  const [state, submit, pending] = useActionState(resolveSaleAction, null);
  if (state?.ok) return <Notice tone="success">{state.message}</Notice>;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={submit} className="space-y-2" aria-label={`Resolve sale ${purchaseId}`}>
      <input type="hidden" name="purchaseId" value={purchaseId} />
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="sr-only">Outcome</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="outcome" value="success" /> Delivered (charge the agent)
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="outcome" value="failed" /> Failed (refund the agent)
        </label>
      </fieldset>
      <FieldError id={`outcome-${purchaseId}`} errors={errors?.outcome} />
      <label className="block text-sm">
        Reason
        <input
          name="reason"
          className="mt-1 block w-full min-h-11 rounded-lg border border-slate-300 px-2"
        />
      </label>
      <FieldError id={`reason-${purchaseId}`} errors={errors?.reason} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirmed" /> I checked this sale with the provider
      </label>
      <FieldError id={`confirmed-${purchaseId}`} errors={errors?.confirmed} />
      {state && !state.ok && !errors ? <Notice tone="error">{state.message}</Notice> : null}
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Saving…' : 'Resolve'}
      </Button>
    </form>
  );
}
