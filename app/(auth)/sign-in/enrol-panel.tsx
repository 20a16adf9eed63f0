'use client';

import {
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/browser';
import Link from 'next/link';
import { useState } from 'react';
import {
  finishTotpAction,
  passkeyRegistrationAction,
  regenerateRecoveryCodesAction,
  registerPasskeyAction,
  startTotpAction,
} from './actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

type Totp = { secret: string; qrSvgDataUrl: string; ticket: string };
type Done = { message: string; recoveryCodes: string[] | null };

const empty = () => new FormData();

export function EnrolPanel({ hasTotp, hasFactor }: { hasTotp: boolean; hasFactor: boolean }) {
  const [totp, setTotp] = useState<Totp | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(
        e instanceof Error && e.name !== 'NotAllowedError'
          ? e.message
          : 'Cancelled. Try again when you are ready.',
      );
    } finally {
      setBusy(false);
    }
  }

  const beginTotp = () =>
    run(async () => {
      const result = await startTotpAction(null, empty());
      if (!result.ok) throw new Error(result.message);
      setTotp(result.data);
    });

  const confirmTotp = (form: FormData) =>
    run(async () => {
      if (!totp) return;
      form.set('ticket', totp.ticket);
      const result = await finishTotpAction(null, form);
      if (!result.ok) throw new Error(result.message);
      setTotp(null);
      setDone({ message: result.message ?? 'Done.', recoveryCodes: result.data.recoveryCodes });
    });

  const addPasskey = () =>
    run(async () => {
      const options = await passkeyRegistrationAction(null, empty());
      if (!options.ok) throw new Error(options.message);
      const answer = await startRegistration({
        optionsJSON: options.data as PublicKeyCredentialCreationOptionsJSON,
      });
      const form = new FormData();
      form.set('response', JSON.stringify(answer));
      const result = await registerPasskeyAction(null, form);
      if (!result.ok) throw new Error(result.message);
      setDone({ message: result.message ?? 'Done.', recoveryCodes: result.data.recoveryCodes });
    });

  const newCodes = () =>
    run(async () => {
      const result = await regenerateRecoveryCodesAction(null, empty());
      if (!result.ok) throw new Error(result.message);
      setDone({ message: result.message ?? 'Done.', recoveryCodes: result.data.recoveryCodes });
    });

  return (
    <div className="space-y-4">
      {error ? <Notice tone="error">{error}</Notice> : null}
      {done ? (
        <Card title={done.message}>
          {done.recoveryCodes ? (
            <>
              <p className="mb-2 text-sm text-slate-700">
                Recovery codes: each one signs you in once if you lose your device. Print them or
                keep them somewhere safe. They are shown only now.
              </p>
              <ol
                className="grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2"
                data-testid="recovery-codes"
              >
                {done.recoveryCodes.map((code) => (
                  <li key={code}>{code}</li>
                ))}
              </ol>
            </>
          ) : null}
          <Link
            href="/"
            className="mt-3 inline-block text-sm font-semibold text-accent-700 underline"
          >
            Continue
          </Link>
        </Card>
      ) : null}
      {totp ? (
        <Card title="Scan with your authenticator app">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
          <img
            src={totp.qrSvgDataUrl}
            alt="QR code for your authenticator app"
            width={200}
            height={200}
            className="mx-auto"
          />
          <p className="mt-2 text-sm text-slate-700">
            Can’t scan? Enter this key:{' '}
            <code className="break-all font-mono" data-testid="totp-secret">
              {totp.secret}
            </code>
          </p>
          <form
            action={confirmTotp}
            className="mt-3 space-y-3"
            aria-label="Confirm authenticator app"
            noValidate
          >
            <TextField
              label="6-digit code from the app"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
            />
            <Button type="submit" disabled={busy}>
              {busy ? 'Checking…' : 'Confirm app'}
            </Button>
          </form>
        </Card>
      ) : null}
      {!totp ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={beginTotp} disabled={busy}>
            {hasTotp ? 'Replace authenticator app' : 'Set up an authenticator app'}
          </Button>
          <Button type="button" variant="secondary" onClick={addPasskey} disabled={busy}>
            Add a passkey
          </Button>
          {hasFactor ? (
            <Button type="button" variant="secondary" onClick={newCodes} disabled={busy}>
              New recovery codes
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
