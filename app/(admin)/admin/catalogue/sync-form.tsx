'use client';

import { syncCatalogueAction } from './actions';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';

export function SyncCatalogueForm() {
  return (
    <ActionForm action={syncCatalogueAction} ariaLabel="Sync catalogue">
      <SubmitButton pendingText="Syncing…">Sync now</SubmitButton>
    </ActionForm>
  );
}
