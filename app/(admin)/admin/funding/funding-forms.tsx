'use client';

import {
  approveFundingRequestAction,
  fundWalletAction,
  rejectFundingRequestAction,
} from './actions';
import {
  ActionForm,
  ConfirmSubmit,
  FormSelectField,
  FormTextField,
} from '@/components/ui/action-form';

export function FundWalletForm({
  agents,
  agentId,
}: {
  agents: { id: number; name: string; email: string }[];
  agentId?: number;
}) {
  return (
    <ActionForm action={fundWalletAction} ariaLabel="Credit or debit a wallet" resetOnSuccess>
      {agentId ? (
        <input type="hidden" name="agentId" value={agentId} />
      ) : (
        <FormSelectField label="Agent" name="agentId" defaultValue="">
          <option value="" disabled>
            Pick an agent…
          </option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>{`${a.name} (${a.email})`}</option>
          ))}
        </FormSelectField>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormSelectField label="Direction" name="direction" defaultValue="credit">
          <option value="credit">Credit (add money)</option>
          <option value="debit">Debit (take money)</option>
        </FormSelectField>
        <FormSelectField label="Currency" name="currency" defaultValue="NGN">
          <option value="NGN">NGN</option>
          <option value="INR">INR</option>
        </FormSelectField>
        <FormTextField
          label="Amount"
          name="amount"
          inputMode="decimal"
          placeholder="5,000.00"
          required
        />
      </div>
      <FormTextField
        label="Reference"
        name="reference"
        required
        hint="The bank transfer or receipt number. Using it twice never moves money twice."
      />
      <FormTextField label="Reason" name="reason" required hint="Recorded in the audit log." />
      <ConfirmSubmit
        variant="primary"
        question="Move this money now? It is recorded in the ledger and the audit log."
        confirmText="Yes, post it"
      >
        Review and post
      </ConfirmSubmit>
    </ActionForm>
  );
}

export function DecideRequestForms({ requestId }: { requestId: number }) {
  return (
    <div className="flex flex-col gap-2">
      <ActionForm action={approveFundingRequestAction} ariaLabel={`Approve request ${requestId}`}>
        <input type="hidden" name="requestId" value={requestId} />
        <ConfirmSubmit
          variant="primary"
          question="Credit the agent's wallet with this amount?"
          confirmText="Yes, approve and credit"
        >
          Approve
        </ConfirmSubmit>
      </ActionForm>
      <ActionForm
        action={rejectFundingRequestAction}
        ariaLabel={`Reject request ${requestId}`}
        className="flex flex-wrap items-end gap-2"
      >
        <input type="hidden" name="requestId" value={requestId} />
        <FormTextField label="Reason to reject" name="reason" />
        <ConfirmSubmit question="Reject this request? No money moves." confirmText="Yes, reject">
          Reject
        </ConfirmSubmit>
      </ActionForm>
    </div>
  );
}
