'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { uploadBulkAction } from './actions';
import { ActionForm, SubmitButton, useFormState } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field';

/** The file field; errors in words under it. */
function FileField() {
  const { state } = useFormState();
  const errors = state && !state.ok ? state.fieldErrors?.file : undefined;
  return (
    <label className="block text-sm font-medium text-slate-700">
      CSV file
      <input
        type="file"
        name="file"
        accept=".csv,text/csv"
        required
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? 'file-error' : undefined}
        className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
      />
      <FieldError id="file-error" errors={errors} />
    </label>
  );
}

/** Opens the preview as soon as the upload is checked. */
function GoToPreview() {
  const { state } = useFormState();
  const router = useRouter();
  const batchId = state?.ok ? (state.data as { batchId: number }).batchId : null;
  useEffect(() => {
    if (batchId) router.push(`/bulk/${batchId}`);
  }, [batchId, router]);
  return null;
}

export function BulkUploadForm() {
  return (
    <ActionForm action={uploadBulkAction} ariaLabel="Upload a CSV">
      <FileField />
      <SubmitButton pendingText="Checking every row…">Check the file</SubmitButton>
      <GoToPreview />
    </ActionForm>
  );
}
