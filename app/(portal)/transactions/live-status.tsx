'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect } from 'react';
import { TokenDisplay } from '@/components/bills/token-display';
import { useLiveSale } from '@/components/transactions/use-live-sale';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/ui/status-badge';
import type { SaleOutcome } from '@/lib/purchases/outcome';
import { isAwaitingProvider } from '@/lib/purchases/status';
import { checkNowAction } from './actions';

/**
 * The sale's status (and a bill's token), refreshing itself while pending or awaiting the token, with
 * a rate-limited "check now".
 */
export function LiveStatus({ initial }: { initial: SaleOutcome }) {
  const { data: sale } = useLiveSale(initial);
  const queryClient = useQueryClient();
  const [state, submit, pending] = useActionState(checkNowAction, null);
  useEffect(() => {
    if (state?.ok) queryClient.setQueryData(['sale', initial.purchaseId], state.data);
  }, [state, queryClient, initial.purchaseId]);
  const open = isAwaitingProvider(sale.status);
  return (
    <div className="space-y-2">
      <p className="text-lg" data-testid="live-status" data-status={sale.status}>
        <StatusBadge status={sale.status} />
      </p>
      <TokenDisplay delivered={sale.delivered} awaitingToken={sale.awaitingToken} />
      {sale.providerRef ? (
        <p className="text-sm">
          Provider reference: <span className="font-mono">{sale.providerRef}</span>
        </p>
      ) : null}
      {sale.operatorRef ? (
        <p className="text-sm">
          Operator reference: <span className="font-mono">{sale.operatorRef}</span>
        </p>
      ) : null}
      {open ? (
        <form action={submit}>
          <input type="hidden" name="purchaseId" value={initial.purchaseId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? 'Checking…' : 'Check now'}
          </Button>
        </form>
      ) : null}
      {state && !state.ok ? <Notice tone="warning">{state.message}</Notice> : null}
    </div>
  );
}
