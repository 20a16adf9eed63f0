'use client';

import { ActionForm, ConfirmSubmit } from '@/components/ui/action-form';
import { adminRevokeApiKeyAction } from './actions';

export function AdminRevokeKeyForm({ keyId, label }: { keyId: number; label: string }) {
  return (
    <ActionForm action={adminRevokeApiKeyAction} ariaLabel={`Revoke ${label}`}>
      <input type="hidden" name="keyId" value={keyId} />
      <ConfirmSubmit
        question={`Revoke ${label}? The agent’s requests with it stop at once.`}
        confirmText="Revoke key"
      >
        Revoke
      </ConfirmSubmit>
    </ActionForm>
  );
}
