'use client';

import { startTransition, useActionState, useRef, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { shareText, smsHref, whatsappHref } from './share-links';

type Issued = ActionResult<{ path: string }> | null;
/** The server action that issues (or returns) the sale's receipt link, handed in by the page. */
export type IssueReceiptLink = (
  previous: Issued,
  formData: FormData,
) => Promise<ActionResult<{ path: string }>>;

/**
 * "Share receipt" for one sale: asks the server for the link (issuing it the first time), then
 * offers copy, the phone's share sheet (or WhatsApp and SMS where there is none), print and open.
 * Drop it anywhere an agent sees one of their sales: `<ShareReceipt purchaseId={sale.id} issue={action} />`.
 */
export function ShareReceipt({
  purchaseId,
  issue: issueAction,
  label = 'Share receipt',
  token = null,
}: {
  purchaseId: number;
  issue: IssueReceiptLink;
  label?: string;
  /** A bill's delivered token: it goes into the shared message as well as on the receipt. */
  token?: string | null;
}) {
  const [state, issue, pending] = useActionState<Issued, FormData>(issueAction, null);
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const path = state?.ok ? state.data.path : null;
  // Only set after the action answers, so this never runs on the server or during hydration.
  const url =
    path && typeof window !== 'undefined' ? new URL(path, window.location.origin).toString() : null;
  const canShare = url !== null && typeof navigator.share === 'function';

  function request() {
    const data = new FormData();
    data.set('purchaseId', String(purchaseId));
    startTransition(() => issue(data));
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard API (plain http, old browser): select the text so a long-press copies it.
      inputRef.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2_000);
  }

  async function share() {
    if (!url) return;
    try {
      await navigator.share({ title: 'Receipt', text: shareText(url, token), url });
    } catch {
      // The customer closed the share sheet: nothing to do.
    }
  }

  if (!url) {
    return (
      <div className="no-print">
        <Button
          type="button"
          variant="secondary"
          onClick={request}
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? 'Getting link…' : label}
        </Button>
        {state && !state.ok ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div
      className="no-print space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="share-receipt"
    >
      <label className="block text-sm font-medium text-slate-700">
        Receipt link
        <input
          ref={inputRef}
          readOnly
          value={url}
          data-testid="receipt-link"
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={copy}>
          {copied ? '✓ Copied' : 'Copy link'}
        </Button>
        {canShare ? (
          <Button type="button" variant="secondary" onClick={share}>
            Share…
          </Button>
        ) : (
          <>
            <a
              className={buttonClass('secondary')}
              href={whatsappHref(url, token)}
              target="_blank"
              rel="noopener noreferrer"
            >
              WhatsApp
            </a>
            <a className={buttonClass('secondary')} href={smsHref(url, token)}>
              SMS
            </a>
          </>
        )}
        <a
          className={buttonClass('secondary')}
          href={`${path}?print=1`}
          target="_blank"
          rel="noopener noreferrer"
        >
          Print
        </a>
        <a
          className={buttonClass('ghost')}
          href={path ?? undefined}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open
        </a>
      </div>
      <p role="status" className="sr-only">
        {copied ? 'Link copied' : ''}
      </p>
    </div>
  );
}
