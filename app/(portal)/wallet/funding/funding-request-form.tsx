'use client';

import {
  ActionForm,
  FormSelectField,
  FormTextField,
  SubmitButton,
} from '@/components/ui/action-form';
import { submitFundingRequestAction } from './actions';

export function FundingRequestForm({ currencies }: { currencies: string[] }) {
  return (
    <ActionForm action={submitFundingRequestAction} ariaLabel="Request funding" resetOnSuccess>
      {currencies.length > 1 ? (
        <FormSelectField label="Wallet" name="currency" defaultValue={currencies[0]}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </FormSelectField>
      ) : (
        <input type="hidden" name="currency" value={currencies[0] ?? 'NGN'} />
      )}
      <FormTextField
        label="Amount you paid"
        name="amount"
        inputMode="decimal"
        placeholder="10,000"
        required
      />
      <FormTextField
        label="Bank reference"
        name="bankReference"
        required
        autoComplete="off"
        hint="As shown on your transfer receipt."
      />
      <FormTextField label="Note (optional)" name="note" />
      <SubmitButton pendingText="Sending…" className="w-full sm:w-auto">
        Send request
      </SubmitButton>
    </ActionForm>
  );
}
