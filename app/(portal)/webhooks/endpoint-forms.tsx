'use client';

import {
  createWebhookAction,
  pauseWebhookAction,
  resendWebhookAction,
  rotateWebhookSecretAction,
  updateWebhookEventsAction,
} from './actions';
import {
  ActionForm,
  ConfirmSubmit,
  FormTextField,
  SubmitButton,
} from '@/components/ui/action-form';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/db/schema';
import { eventField } from '@/lib/validations/webhooks';

const EVENT_WORDS: Record<WebhookEventType, string> = {
  'sale.succeeded': 'A sale succeeded',
  'sale.failed': 'A sale failed (refunded)',
  'sale.reversed': 'A sale was reversed (refunded)',
  'sale.pending': 'A sale is pending',
  'sale.delivered_after_refund': 'A refunded sale was delivered after all',
  'wallet.credited': 'Your wallet was credited',
};

function EventBoxes({ chosen }: { chosen: WebhookEventType[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">Events</legend>
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <label key={type} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name={eventField(type)}
            defaultChecked={chosen.includes(type)}
            className="mt-1"
          />
          <span>
            <code>{type}</code> <span className="text-slate-600">· {EVENT_WORDS[type]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function CreateEndpointForm() {
  return (
    <ActionForm action={createWebhookAction} ariaLabel="Add an endpoint" resetOnSuccess>
      <FormTextField
        label="Endpoint address"
        name="url"
        type="url"
        inputMode="url"
        placeholder="https://example.com/webhooks"
        required
      />
      <EventBoxes chosen={['sale.succeeded', 'sale.failed', 'sale.reversed']} />
      <SubmitButton pendingText="Checking the address…">Add endpoint</SubmitButton>
    </ActionForm>
  );
}

export function EventsForm({
  endpointId,
  chosen,
}: {
  endpointId: number;
  chosen: WebhookEventType[];
}) {
  return (
    <ActionForm action={updateWebhookEventsAction} ariaLabel="Events">
      <input type="hidden" name="endpointId" value={endpointId} />
      <EventBoxes chosen={chosen} />
      <SubmitButton variant="secondary">Save events</SubmitButton>
    </ActionForm>
  );
}

export function PauseForm({ endpointId, paused }: { endpointId: number; paused: boolean }) {
  return (
    <ActionForm action={pauseWebhookAction} ariaLabel={paused ? 'Resume' : 'Pause'}>
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="paused" value={paused ? '0' : '1'} />
      <SubmitButton variant="secondary">
        {paused ? 'Resume deliveries' : 'Pause deliveries'}
      </SubmitButton>
    </ActionForm>
  );
}

export function RotateForm({ endpointId }: { endpointId: number }) {
  return (
    <ActionForm action={rotateWebhookSecretAction} ariaLabel="Rotate the secret">
      <input type="hidden" name="endpointId" value={endpointId} />
      <ConfirmSubmit
        question="A new secret signs from now; the current one keeps signing for 24 hours."
        confirmText="Yes, rotate"
      >
        Rotate secret
      </ConfirmSubmit>
    </ActionForm>
  );
}

export function ResendForm({ endpointId, deliveryId }: { endpointId: number; deliveryId: number }) {
  return (
    <ActionForm action={resendWebhookAction} ariaLabel="Resend" className="inline">
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" pendingText="Queuing…">
        Resend
      </SubmitButton>
    </ActionForm>
  );
}
