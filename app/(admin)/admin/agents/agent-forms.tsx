'use client';

import {
  createAgentAction,
  endSessionsAction,
  resetPasswordAction,
  setAgentStatusAction,
  setCommissionAction,
  setLimitsAction,
} from './actions';
import {
  ActionForm,
  ConfirmSubmit,
  FormTextField,
  SubmitButton,
} from '@/components/ui/action-form';

export function CreateAgentForm() {
  return (
    <ActionForm action={createAgentAction} ariaLabel="New agent">
      <FormTextField label="Name" name="name" required autoComplete="off" />
      <FormTextField
        label="Email"
        name="email"
        type="email"
        required
        inputMode="email"
        autoComplete="off"
      />
      <FormTextField
        label="Password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        hint="At least 10 characters. Give it to the agent privately."
      />
      <fieldset className="text-sm">
        <legend className="font-medium text-slate-700">Wallet currencies</legend>
        <label className="mr-4 inline-flex min-h-11 items-center gap-2">
          <input type="checkbox" name="NGN" defaultChecked className="size-5" /> NGN (Nigeria)
        </label>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="checkbox" name="INR" className="size-5" /> INR (India)
        </label>
      </fieldset>
      <SubmitButton pendingText="Creating…">Create agent</SubmitButton>
    </ActionForm>
  );
}

export function AgentStatusForm({
  agentId,
  status,
}: {
  agentId: number;
  status: 'active' | 'disabled';
}) {
  const disable = status === 'active';
  return (
    <ActionForm
      action={setAgentStatusAction}
      ariaLabel={disable ? 'Disable agent' : 'Enable agent'}
    >
      <input type="hidden" name="agentId" value={agentId} />
      <input type="hidden" name="status" value={disable ? 'disabled' : 'active'} />
      {disable ? (
        <ConfirmSubmit
          question="They will be signed out at once and cannot sell until enabled."
          confirmText="Yes, disable this agent"
        >
          Disable agent
        </ConfirmSubmit>
      ) : (
        <ConfirmSubmit
          variant="primary"
          question="They will be able to sign in and sell again."
          confirmText="Yes, enable this agent"
        >
          Enable agent
        </ConfirmSubmit>
      )}
    </ActionForm>
  );
}

export function ResetPasswordForm({ agentId }: { agentId: number }) {
  return (
    <ActionForm action={resetPasswordAction} ariaLabel="Reset password" resetOnSuccess>
      <input type="hidden" name="agentId" value={agentId} />
      <FormTextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Their open sessions end."
      />
      <ConfirmSubmit
        question="Set this password and sign the agent out everywhere?"
        confirmText="Yes, reset password"
      >
        Reset password
      </ConfirmSubmit>
    </ActionForm>
  );
}

export function EndSessionsForm({ agentId }: { agentId: number }) {
  return (
    <ActionForm action={endSessionsAction} ariaLabel="Sign out everywhere">
      <input type="hidden" name="agentId" value={agentId} />
      <ConfirmSubmit
        question="Sign this agent out on every device?"
        confirmText="Yes, sign out everywhere"
      >
        Sign out everywhere
      </ConfirmSubmit>
    </ActionForm>
  );
}

export function LimitsForm({
  agentId,
  maxSale,
  dailyLimit,
}: {
  agentId: number;
  maxSale: string;
  dailyLimit: string;
}) {
  return (
    <ActionForm action={setLimitsAction} ariaLabel="Limits">
      <input type="hidden" name="agentId" value={agentId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormTextField
          label="Largest single sale"
          name="maxSale"
          inputMode="decimal"
          defaultValue={maxSale}
          hint="In the sale’s currency. Empty: no limit."
        />
        <FormTextField
          label="Daily sales limit"
          name="dailyLimit"
          inputMode="decimal"
          defaultValue={dailyLimit}
          hint="Lagos day. Empty: no limit."
        />
      </div>
      <SubmitButton>Save limits</SubmitButton>
    </ActionForm>
  );
}

export function CommissionForm({
  agentId,
  currency,
  network,
  type,
  rate,
  defaultRate,
}: {
  agentId: number;
  currency: string;
  network: string;
  type: string;
  rate: string;
  defaultRate: string;
}) {
  const name = `${currency}-${network}-${type}`;
  return (
    <ActionForm
      action={setCommissionAction}
      className="flex flex-wrap items-end gap-2"
      ariaLabel={`Commission ${network} ${type}`}
    >
      <input type="hidden" name="agentId" value={agentId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="network" value={network} />
      <input type="hidden" name="type" value={type} />
      <label className="text-sm font-medium text-slate-700" htmlFor={`rate-${name}`}>
        <span className="sr-only">{`${network} ${type} commission %`}</span>
        <input
          id={`rate-${name}`}
          name="rate"
          defaultValue={rate}
          inputMode="decimal"
          placeholder={`${defaultRate} (default)`}
          className="min-h-11 w-32 rounded-lg border border-slate-300 px-3"
        />
      </label>
      <SubmitButton variant="secondary">Save</SubmitButton>
    </ActionForm>
  );
}
