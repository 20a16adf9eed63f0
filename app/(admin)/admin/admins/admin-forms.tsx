'use client';

import { resetSecondFactorAction } from './actions';
import { ActionForm, ConfirmSubmit } from '@/components/ui/action-form';

export function ResetSecondFactorForm({ adminId, email }: { adminId: number; email: string }) {
  return (
    <ActionForm action={resetSecondFactorAction} ariaLabel={`Reset second factor of ${email}`}>
      <input type="hidden" name="adminId" value={adminId} />
      <ConfirmSubmit
        question={`Remove ${email}'s second factor and end their sessions?`}
        confirmText="Yes, reset it"
      >
        Reset second factor
      </ConfirmSubmit>
    </ActionForm>
  );
}
