'use client';

import { useActionState } from 'react';
import { changePasswordAction, signOutEverywhereAction } from './actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

export function ChangePasswordForm() {
  const [state, submit, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={submit} className="space-y-3">
      {state && !state.ok && !errors ? <Notice tone="error">{state.message}</Notice> : null}
      <TextField
        label="Current password"
        name="current"
        type="password"
        autoComplete="current-password"
        errors={errors?.current}
      />
      <TextField
        label="New password"
        name="next"
        type="password"
        autoComplete="new-password"
        errors={errors?.next}
        hint="At least 10 characters."
      />
      <TextField
        label="New password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        errors={errors?.confirm}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Change password'}
      </Button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [, submit, pending] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={submit}>
      <Button type="submit" variant="secondary" disabled={pending}>
        Sign out on every device
      </Button>
    </form>
  );
}
