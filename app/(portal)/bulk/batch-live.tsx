'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { cancelBulkAction, confirmBulkAction } from './actions';
import { ActionForm, ConfirmSubmit, useFormState } from '@/components/ui/action-form';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import type { BatchView } from '@/lib/bulk/queries';
import { formatMoney } from '@/lib/money';
import { BatchRows } from './batch-rows';

const STATUS_WORDS: Record<BatchView['status'], string> = {
  preview: 'Check the rows, then confirm',
  queued: 'Selling…',
  done: 'Finished',
  cancelled: 'Cancelled',
};

/** While rows are being sold, or sales still pending, the page follows them by itself. */
function pollDelay(view: BatchView | undefined): number | false {
  if (!view) return false;
  if (view.status === 'queued') return 1_000;
  return view.progress.pending > 0 ? 3_000 : false;
}

export function BatchLive({ initial }: { initial: BatchView }) {
  const { data: view } = useQuery({
    queryKey: ['bulk', initial.id],
    initialData: initial,
    queryFn: async (): Promise<BatchView> => {
      const response = await fetch(`/api/bulk/${initial.id}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    refetchInterval: (query) => pollDelay(query.state.data),
    staleTime: 0,
  });
  const router = useRouter();
  const finished = view.status === 'done' || view.status === 'cancelled';
  useEffect(() => {
    if (finished) router.refresh(); // the header balance follows the batch
  }, [finished, router]);
  const { progress } = view;
  const short = view.totalCostMinor > view.availableMinor;
  return (
    <div className="space-y-4" data-testid="bulk-batch" data-status={view.status}>
      <Card
        title={view.fileName}
        actions={
          <span className="text-sm font-medium" data-testid="bulk-status">
            {STATUS_WORDS[view.status]}
          </span>
        }
      >
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Rows</dt>
            <dd className="font-semibold">{progress.total}</dd>
          </div>
          <div>
            <dt className="text-slate-600">With errors</dt>
            <dd className="font-semibold">{progress.total - progress.valid}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Total cost</dt>
            <dd className="font-semibold" data-testid="bulk-total">
              {formatMoney(view.totalCostMinor, view.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Available</dt>
            <dd className="font-semibold">{formatMoney(view.availableMinor, view.currency)}</dd>
          </div>
        </dl>
        {view.status === 'preview' ? (
          <PreviewActions view={view} short={short} />
        ) : (
          <Progress view={view} />
        )}
      </Card>
      <Card title="Rows">
        {view.rows.length < progress.total ? (
          <p className="mb-2 text-sm text-slate-600">
            The first {view.rows.length} rows; the result CSV has all {progress.total}.
          </p>
        ) : null}
        <BatchRows rows={view.rows} currency={view.currency} />
      </Card>
    </div>
  );
}

function PreviewActions({ view, short }: { view: BatchView; short: boolean }) {
  const sellable = view.progress.valid;
  return (
    <div className="mt-3 space-y-3">
      {short ? (
        <Notice tone="warning">
          Your wallet has {formatMoney(view.availableMinor, view.currency)}; these rows need{' '}
          {formatMoney(view.totalCostMinor, view.currency)}. Rows it cannot pay for when their turn
          comes are marked “insufficient balance” and not sold.
        </Notice>
      ) : null}
      {sellable === 0 ? (
        <Notice tone="error">No row can be sold. Fix the file and upload it again.</Notice>
      ) : (
        <ActionForm action={confirmBulkAction} ariaLabel="Confirm the batch">
          <input type="hidden" name="batchId" value={view.id} />
          <ConfirmSubmit
            variant="primary"
            question={`Sell ${sellable} rows for ${formatMoney(view.totalCostMinor, view.currency)}?`}
            confirmText="Yes, sell them"
          >
            Confirm and sell {sellable} rows
          </ConfirmSubmit>
          <RefetchOnSuccess id={view.id} />
        </ActionForm>
      )}
      <CancelForm id={view.id} label="Discard this upload" />
    </div>
  );
}

function Progress({ view }: { view: BatchView }) {
  const { progress } = view;
  return (
    <div className="mt-3 space-y-3">
      <label className="block text-sm">
        <span data-testid="bulk-progress">
          {progress.handled} of {progress.total} rows done
        </span>
        <progress className="mt-1 block h-3 w-full" max={progress.total} value={progress.handled} />
      </label>
      <p className="text-sm" data-testid="bulk-counts">
        ✓ {progress.sold} sold · … {progress.pending} pending · ✕ {progress.failed} failed
        (refunded) · {progress.notSold} not sold
      </p>
      <div className="flex flex-wrap gap-2">
        {view.status === 'queued' ? <CancelForm id={view.id} label="Cancel the rest" /> : null}
        <a
          className={buttonClass('secondary')}
          href={`/api/bulk/${view.id}/result`}
          download
          data-testid="bulk-download"
        >
          Download result CSV
        </a>
      </div>
    </div>
  );
}

function CancelForm({ id, label }: { id: number; label: string }) {
  return (
    <ActionForm action={cancelBulkAction} ariaLabel={label}>
      <input type="hidden" name="batchId" value={id} />
      <ConfirmSubmit question="Rows not yet sent will not be sold." confirmText="Yes, cancel">
        {label}
      </ConfirmSubmit>
      <RefetchOnSuccess id={id} />
    </ActionForm>
  );
}

/** After confirm or cancel, read the batch again at once instead of waiting for the next poll. */
function RefetchOnSuccess({ id }: { id: number }) {
  const { state } = useFormState();
  const client = useQueryClient();
  useEffect(() => {
    if (state?.ok) void client.invalidateQueries({ queryKey: ['bulk', id] });
  }, [state, client, id]);
  return null;
}
