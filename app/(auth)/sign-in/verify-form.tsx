'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useActionState, useState } from 'react';
import { passkeyChallengeAction, verifyCodeAction, verifyPasskeyAction } from './actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

export function VerifyForm({
  hasTotp,
  hasPasskey,
  next,
}: {
  hasTotp: boolean;
  hasPasskey: boolean;
  next?: string;
}) {
  const [state, submit, pending] = useActionState(verifyCodeAction, null);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const codeErrors = state && !state.ok ? (state.fieldErrors?.code ?? [state.message]) : undefined;

  async function usePasskey() {
    setPasskeyBusy(true);
    setPasskeyError(null);
    try {
      const challenge = await passkeyChallengeAction(null, new FormData());
      if (!challenge.ok) throw new Error(challenge.message);
      const answer = await startAuthentication({
        optionsJSON: challenge.data as PublicKeyCredentialRequestOptionsJSON,
      });
      const form = new FormData();
      form.set('response', JSON.stringify(answer));
      if (next) form.set('next', next);
      const result = await verifyPasskeyAction(null, form);
      if (!result.ok) throw new Error(result.message);
      window.location.assign(result.data.to);
    } catch (error) {
      setPasskeyError(
        error instanceof Error && error.name !== 'NotAllowedError'
          ? error.message
          : 'The passkey was not used. Try again, or use a code.',
      );
    } finally {
      setPasskeyBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      {hasPasskey ? (
        <div className="space-y-2">
          {passkeyError ? <Notice tone="error">{passkeyError}</Notice> : null}
          <Button type="button" className="w-full" onClick={usePasskey} disabled={passkeyBusy}>
            {passkeyBusy ? 'Waiting for your passkey…' : 'Use a passkey'}
          </Button>
        </div>
      ) : null}
      <form action={submit} className="space-y-3" noValidate aria-label="Second factor code">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField
          label={hasTotp ? 'Code from your authenticator app, or a recovery code' : 'Recovery code'}
          name="code"
          autoComplete="one-time-code"
          inputMode={hasTotp ? 'numeric' : 'text'}
          autoFocus={!hasPasskey}
          errors={codeErrors}
        />
        <Button
          type="submit"
          variant={hasPasskey ? 'secondary' : 'primary'}
          className="w-full"
          disabled={pending}
        >
          {pending ? 'Checking…' : 'Confirm'}
        </Button>
      </form>
    </div>
  );
}
