'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { createApiKeyAction } from './actions';

/** A new key is shown here once, with a copy button: after this page it cannot be seen again. */
export function CreateKeyForm() {
  const [state, submit, pending] = useActionState(createApiKeyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="space-y-4">
      {state?.ok ? <NewKey apiKey={state.data.key} name={state.data.name} /> : null}
      <form action={submit} className="space-y-3" aria-label="New API key">
        {state && !state.ok && !errors ? <Notice tone="error">{state.message}</Notice> : null}
        <TextField
          label="Name"
          name="name"
          maxLength={60}
          errors={errors?.name}
          hint="So you can tell your keys apart, e.g. “reseller site”."
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">What the key may do</legend>
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name="scopeRead" defaultChecked className="size-5" /> Read:
            plans, balances, sales, statement
          </label>
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name="scopeSell" defaultChecked className="size-5" /> Sell:
            create sales from your wallet
          </label>
          <FieldError id="scopes-error" errors={errors?.scopes} />
        </fieldset>
        <label className="block text-sm font-medium text-slate-700">
          Allowed addresses (optional)
          <textarea
            name="allowedIps"
            rows={2}
            aria-describedby={errors?.allowedIps ? 'allowedIps-error' : 'allowedIps-hint'}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
          />
          {errors?.allowedIps ? null : (
            <span id="allowedIps-hint" className="mt-1 block text-xs font-normal text-slate-500">
              Addresses or ranges, separated by commas (203.0.113.7, 198.51.100.0/24). Empty: any
              address.
            </span>
          )}
          <FieldError id="allowedIps-error" errors={errors?.allowedIps} />
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create key'}
        </Button>
      </form>
    </div>
  );
}

function NewKey({ apiKey, name }: { apiKey: string; name: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-semibold text-amber-900">
        <span aria-hidden>! </span>Copy the key “{name}” now: it is shown only this once.
      </p>
      <code
        data-testid="new-api-key"
        className="block break-all rounded bg-white p-2 font-mono text-sm"
      >
        {apiKey}
      </code>
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(apiKey).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : 'Copy key'}
      </Button>
      <p className="text-xs text-amber-900">
        Anyone with this key can sell from your wallet. Revoke it below if it leaks.
      </p>
    </div>
  );
}
