'use client';

import { ActionForm, ConfirmSubmit } from '@/components/ui/action-form';
import { revokeApiKeyAction } from './actions';

export function RevokeKeyForm({ keyId, name }: { keyId: number; name: string }) {
  return (
    <ActionForm action={revokeApiKeyAction} ariaLabel={`Revoke ${name}`}>
      <input type="hidden" name="keyId" value={keyId} />
      <ConfirmSubmit
        question={`Revoke “${name}”? Requests with it stop at once.`}
        confirmText="Revoke key"
      >
        Revoke
      </ConfirmSubmit>
    </ActionForm>
  );
}
