'use client';

import {
  changeRouteAction,
  resumeProviderAction,
  setCredentialAction,
  setHealthConfigAction,
  setProviderTlsAction,
  testConnectionAction,
  updateProviderSettingsAction,
} from './actions';
import {
  ActionForm,
  ConfirmSubmit,
  FormTextArea,
  FormTextField,
  SubmitButton,
} from '@/components/ui/action-form';

export function ProviderSettingsForm(props: {
  id: string;
  enabled: boolean;
  baseUrl: string;
  timeoutMs: number;
  paths: string;
  options: string;
  lowBalance: string;
}) {
  return (
    <ActionForm action={updateProviderSettingsAction} ariaLabel="Provider settings">
      <input type="hidden" name="id" value={props.id} />
      <label className="inline-flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={props.enabled} className="size-5" />{' '}
        Enabled (sales may route here)
      </label>
      <FormTextField
        label="Base URL"
        name="baseUrl"
        type="url"
        defaultValue={props.baseUrl}
        required
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormTextField
          label="Timeout (ms)"
          name="timeoutMs"
          inputMode="numeric"
          defaultValue={String(props.timeoutMs)}
        />
        <FormTextField
          label="Low float alert below"
          name="lowBalance"
          inputMode="decimal"
          defaultValue={props.lowBalance}
          hint="Empty: no alert."
        />
      </div>
      <FormTextArea
        label="Per-operation paths (JSON)"
        name="paths"
        rows={4}
        defaultValue={props.paths}
        hint='e.g. {"balance": "/v2/balance"}; an absolute URL replaces the base URL for that operation.'
      />
      <FormTextArea
        label="Options (JSON)"
        name="options"
        rows={3}
        defaultValue={props.options}
        hint='e.g. {"costBps": "9500"}'
      />
      <ConfirmSubmit
        variant="primary"
        question="Live sales use these settings at once."
        confirmText="Yes, save settings"
      >
        Save settings
      </ConfirmSubmit>
    </ActionForm>
  );
}

/** The provider's private CA: pasted PEM and an optional certificate name; saving or removing is confirmed. */
export function ProviderTlsForm({
  id,
  hasTrust,
  serverName,
}: {
  id: string;
  hasTrust: boolean;
  serverName: string;
}) {
  return (
    <ActionForm action={setProviderTlsAction} ariaLabel="TLS trust" resetOnSuccess>
      <input type="hidden" name="id" value={id} />
      {/* Before the buttons: the "Remove CA" submitter's own intent comes later in the form data and wins. */}
      <input type="hidden" name="intent" value="save" />
      <FormTextArea
        label={hasTrust ? 'Replace the CA certificate (PEM)' : 'CA certificate (PEM)'}
        name="caPem"
        rows={6}
        spellCheck={false}
        placeholder="-----BEGIN CERTIFICATE-----"
        hint="The certificate of the CA that issued the provider's server certificate. Certificates only: never paste a private key."
      />
      <FormTextField
        label="Certificate name (optional)"
        name="serverName"
        defaultValue={serverName}
        hint="Only when the certificate does not name the address in the base URL (e.g. a raw IP): the host name it was issued for."
      />
      <div className="flex flex-wrap gap-2">
        <ConfirmSubmit
          variant="primary"
          question="Calls to this provider will trust only this CA."
          confirmText="Yes, trust this CA"
        >
          Save CA
        </ConfirmSubmit>
        {hasTrust ? (
          <SubmitButton variant="secondary" name="intent" value="remove" pendingText="Removing…">
            Remove CA
          </SubmitButton>
        ) : null}
      </div>
    </ActionForm>
  );
}

export function CredentialForm({
  id,
  field,
  isSet,
}: {
  id: string;
  field: string;
  isSet: boolean;
}) {
  const inputName = 'value';
  return (
    <ActionForm
      action={setCredentialAction}
      ariaLabel={`Set ${field}`}
      resetOnSuccess
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="field" value={field} />
      <label className="block grow text-sm font-medium text-slate-700">
        {isSet ? `New ${field}` : `Set ${field}`}
        <input
          name={inputName}
          type="password"
          autoComplete="off"
          spellCheck={false}
          className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
        />
      </label>
      <ConfirmSubmit
        question={`Replace ${field}? Live sales use it at once.`}
        confirmText={`Yes, save ${field}`}
      >
        {isSet ? 'Replace' : 'Save'}
      </ConfirmSubmit>
    </ActionForm>
  );
}

export function TestConnectionForm({ id }: { id: string }) {
  return (
    <ActionForm action={testConnectionAction} ariaLabel="Test connection">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingText="Testing…">
        Test connection
      </SubmitButton>
    </ActionForm>
  );
}

export function ResumeProviderForm({ id }: { id: string }) {
  return (
    <ActionForm action={resumeProviderAction} ariaLabel="Resume provider">
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit
        variant="primary"
        question="Send sales to this provider again?"
        confirmText="Yes, resume"
      >
        Resume provider
      </ConfirmSubmit>
    </ActionForm>
  );
}

export function HealthConfigForm({
  enabled,
  thresholdPercent,
  minSales,
}: {
  enabled: boolean;
  thresholdPercent: number;
  minSales: number;
}) {
  return (
    <ActionForm action={setHealthConfigAction} ariaLabel="Auto-pause rule">
      <label className="inline-flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={enabled} className="size-5" /> Pause a
        provider automatically
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormTextField
          label="When last-hour success is below (%)"
          name="thresholdPercent"
          inputMode="numeric"
          defaultValue={String(thresholdPercent)}
        />
        <FormTextField
          label="Over at least (sales)"
          name="minSales"
          inputMode="numeric"
          defaultValue={String(minSales)}
        />
      </div>
      <SubmitButton>Save rule</SubmitButton>
    </ActionForm>
  );
}

export function RouteStepForm({
  currency,
  network,
  type,
  provider,
  op,
  label,
  disabled,
}: {
  currency: string;
  network: string;
  type: string;
  provider: string;
  op: 'up' | 'down' | 'remove' | 'add';
  label: string;
  disabled?: boolean;
}) {
  return (
    <ActionForm
      action={changeRouteAction}
      className="inline"
      ariaLabel={`${label} ${provider} in ${network} ${type}`}
    >
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="network" value={network} />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="provider" value={provider} />
      <input type="hidden" name="op" value={op} />
      <button
        type="submit"
        disabled={disabled}
        aria-label={`${label} ${provider} (${network} ${type})`}
        className="min-h-11 min-w-11 rounded-lg border border-slate-300 px-2 text-sm disabled:opacity-40"
      >
        {label}
      </button>
    </ActionForm>
  );
}
