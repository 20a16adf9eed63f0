'use client';

import { useActionState } from 'react';
import { resolveLateDeliveryAction } from './actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

/** Who pays for a delivery nobody paid for: a reason and an explicit confirmation, audited on the server. */
export function LateDeliveryForm({
  lateDeliveryId,
  agentCost,
}: {
  lateDeliveryId: number;
  agentCost: string;
}) {
  const [state, submit, pending] = useActionState(resolveLateDeliveryAction, null);
  if (state?.ok) return <Notice tone="success">{state.message}</Notice>;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={submit}
      className="space-y-2"
      aria-label={`Resolve late delivery ${lateDeliveryId}`}
    >
      <input type="hidden" name="lateDeliveryId" value={lateDeliveryId} />
      <fieldset className="space-y-1 text-sm">
        <legend className="sr-only">Decision</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="decision" value="recover" /> Recover {agentCost} from the agent
          (what the wallet lacks becomes a debt)
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="decision" value="write_off" /> Write it off (the platform pays
          the provider)
        </label>
      </fieldset>
      <FieldError id={`decision-${lateDeliveryId}`} errors={errors?.decision} />
      <label className="block text-sm">
        Reason
        <input
          name="reason"
          className="mt-1 block w-full min-h-11 rounded-lg border border-slate-300 px-2"
        />
      </label>
      <FieldError id={`late-reason-${lateDeliveryId}`} errors={errors?.reason} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirmed" /> I checked the delivery with the provider
      </label>
      <FieldError id={`late-confirmed-${lateDeliveryId}`} errors={errors?.confirmed} />
      {state && !state.ok && !errors ? <Notice tone="error">{state.message}</Notice> : null}
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Saving…' : 'Decide'}
      </Button>
    </form>
  );
}
