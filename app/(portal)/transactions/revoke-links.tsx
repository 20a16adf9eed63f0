'use client';

import { ActionForm, ConfirmSubmit } from '@/components/ui/action-form';
import { revokeReceiptLinksAction } from './receipt-actions';

/** On the agent's sale page: how many receipt links still open, and a confirmed "revoke them all". */
export function RevokeReceiptLinks({ purchaseId, live }: { purchaseId: number; live: number }) {
  return (
    <ActionForm
      action={revokeReceiptLinksAction}
      ariaLabel="Revoke receipt links"
      className="no-print space-y-2"
    >
      <input type="hidden" name="purchaseId" value={purchaseId} />
      <p className="text-sm text-slate-600" data-testid="live-receipt-links">
        {live === 0
          ? 'No receipt link of this sale is open.'
          : `${live} receipt link${live === 1 ? '' : 's'} of this sale can be opened.`}
      </p>
      {live > 0 ? (
        <ConfirmSubmit
          question="Everyone you sent a link to loses access. You can share a new link afterwards."
          confirmText="Yes, revoke the links"
          pendingText="Revoking…"
        >
          Revoke receipt links
        </ConfirmSubmit>
      ) : null}
    </ActionForm>
  );
}
