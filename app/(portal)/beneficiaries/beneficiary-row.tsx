'use client';

import { startTransition, useActionState, useState } from 'react';
import { deleteBeneficiaryAction, updateBeneficiaryAction } from './actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';

export interface BeneficiaryView {
  id: number;
  phone: string;
  currency: 'NGN' | 'INR';
  network: string;
  circle: string | null;
  name: string | null;
  lastUsed: string;
}

type State = ActionResult<undefined> | null;

/** Submits through a transition so a refused edit keeps what the agent typed. */
function submitWith(dispatch: (data: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}

export function BeneficiaryRow({
  beneficiary: b,
  networks,
}: {
  beneficiary: BeneficiaryView;
  networks: string[];
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [saved, save, saving] = useActionState<State, FormData>(updateBeneficiaryAction, null);
  const [deleted, remove, deleting] = useActionState<State, FormData>(
    deleteBeneficiaryAction,
    null,
  );
  // The answer showing when Edit was tapped: a newer successful answer closes the form.
  const [openedWith, setOpenedWith] = useState<State>(null);
  const justSaved = saved?.ok === true && saved !== openedWith;
  const view = mode === 'view' || (mode === 'edit' && justSaved) ? 'view' : mode;
  const title = b.name ? `${b.name}, ${b.phone}` : b.phone;

  return (
    <li
      className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm"
      data-testid="beneficiary"
      aria-label={title}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-semibold">
            {b.name ?? <span className="text-slate-500">No name</span>}
          </p>
          <p className="font-mono text-lg tracking-wide">{b.phone}</p>
          <p className="text-sm text-slate-600">
            {b.network}
            {b.circle ? ` · ${b.circle}` : ''} · last sale {b.lastUsed}
          </p>
        </div>
        {view === 'view' ? (
          <div className="flex gap-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setOpenedWith(saved);
                setMode('edit');
              }}
              aria-label={`Edit ${title}`}
            >
              Edit
            </Button>
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setOpenedWith(saved);
                setMode('delete');
              }}
              aria-label={`Delete ${title}`}
            >
              Delete
            </Button>
          </div>
        ) : null}
      </div>

      {view === 'edit' ? (
        <form
          className="mt-3 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
          onSubmit={submitWith(save)}
          aria-label={`Edit ${title}`}
        >
          <input type="hidden" name="id" value={b.id} />
          <TextField
            label="Name"
            name="name"
            id={`name-${b.id}`}
            defaultValue={b.name ?? ''}
            maxLength={60}
            autoComplete="off"
            placeholder="e.g. Mama Nkechi"
            errors={saved && !saved.ok ? saved.fieldErrors?.name : undefined}
          />
          <SelectField
            label="Network"
            name="network"
            id={`network-${b.id}`}
            defaultValue={b.network}
            errors={saved && !saved.ok ? saved.fieldErrors?.network : undefined}
          >
            {networks.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
          <div className="flex gap-2">
            <Button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMode('view')}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}

      {view === 'delete' ? (
        <form
          className="mt-3 flex flex-wrap items-center gap-2"
          onSubmit={submitWith(remove)}
          aria-label={`Delete ${title}`}
        >
          <input type="hidden" name="id" value={b.id} />
          <p className="text-sm">Delete this number? Past sales stay in your history.</p>
          <Button type="submit" variant="danger" disabled={deleting}>
            {deleting ? 'Deleting…' : 'Yes, delete'}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setMode('view')}>
            Keep
          </Button>
        </form>
      ) : null}

      {saved && !saved.ok && view === 'edit' ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {saved.message}
        </p>
      ) : null}
      {deleted && !deleted.ok ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {deleted.message}
        </p>
      ) : null}
      {justSaved && view === 'view' ? (
        <p role="status" className="mt-2 text-sm text-green-800">
          ✓ Saved
        </p>
      ) : null}
    </li>
  );
}
