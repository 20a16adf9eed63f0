'use client';

import { useState } from 'react';
import { PlanPicker } from '@/app/(portal)/buy/plan-picker';
import { SaleResult } from '@/app/(portal)/buy/sale-result';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import type { SubscriptionType } from '@/lib/bills/billers';
import type { BillFormData, BillProduct } from '@/lib/catalogue/bill-form-data';
import { normaliseNigerianNumber } from '@/lib/catalogue/phone';
import { newIdempotencyKey } from '@/lib/purchases/idempotency-key';
import type { PurchaseBanner } from '@/lib/health/banners';
import {
  AccountField,
  BillConfirm,
  BillerDelay,
  CustomerPhoneField,
  useBillSale,
} from './bill-parts';
import { CustomerCard } from './customer-card';
import { useVerify } from './use-verify';

/**
 * Months are sent with a bouquet change on DStv and GOtv only: VTpass documents `quantity` there and
 * nowhere else (docs/providers/vtpass-bills.md), so other services and renewals are one period.
 */
const MONTHS_ALLOWED = new Set(['DSTV', 'GOTV']);

/** Service → smartcard (ShowMax: phone) → verify (name, bouquet, renewal) → renew or change → confirm. */
export function TvForm(props: BillFormData & { banners: PurchaseBanner[] }) {
  const [formKey, setFormKey] = useState(0);
  return <TvFlow key={formKey} {...props} onNewSale={() => setFormKey((k) => k + 1)} />;
}

function TvFlow({
  billers,
  products,
  commissionBps,
  banners,
  onNewSale,
}: BillFormData & { banners: PurchaseBanner[]; onNewSale: () => void }) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [biller, setBiller] = useState(billers[0]?.id ?? '');
  const [card, setCard] = useState('');
  const [phone, setPhone] = useState('');
  const [choice, setChoice] = useState<SubscriptionType | null>(null);
  const [bouquetId, setBouquetId] = useState<number | null>(null);
  const [months, setMonths] = useState(1);
  const [step, setStep] = useState<'enter' | 'confirm'>('enter');
  const [localError, setLocalError] = useState<string | null>(null);
  const sale = useBillSale();

  const service = billers.find((b) => b.id === biller);
  const phoneIsAccount = service?.accountIsPhone ?? false;
  const bouquets = products.filter((p) => p.network === biller);
  const account = phoneIsAccount
    ? (normaliseNigerianNumber(card) ?? card.replace(/\D/g, ''))
    : card.replace(/[\s-]/g, '');
  // Any of the service's products names the service to verify against.
  const check = useVerify(bouquets[0]?.id ?? null, account);
  const customer = check.customer;
  const current = bouquets.find((p) => p.id === customer?.currentBouquetProductId);
  const canRenew = Boolean(current);
  const subscription: SubscriptionType = choice ?? (canRenew ? 'renew' : 'change');
  const product: BillProduct | undefined =
    subscription === 'renew' ? current : bouquets.find((p) => p.id === bouquetId);
  const quantity = subscription === 'change' && MONTHS_ALLOWED.has(biller) ? months : 1;
  const amountMinor =
    subscription === 'renew'
      ? (customer?.renewalAmountMinor ?? product?.priceMinor ?? null)
      : product?.priceMinor != null
        ? product.priceMinor * quantity
        : null;
  const national = normaliseNigerianNumber(phoneIsAccount ? card : phone);

  if (sale.sold) return <SaleResult initial={sale.sold} onNewSale={onNewSale} account={account} />;

  function review() {
    if (!customer)
      return setLocalError(
        phoneIsAccount ? 'Check the Showmax phone number first.' : 'Verify the smartcard first.',
      );
    if (!national) return setLocalError('Enter the customer’s phone, like 0803 123 4567.');
    if (!product || !amountMinor) return setLocalError('Pick a bouquet.');
    setLocalError(null);
    setStep('confirm');
  }

  const fieldErrors = sale.refusal?.fieldErrors;
  const label = product
    ? `${service?.label ?? biller} ${product.name}${quantity > 1 ? ` × ${quantity} months` : ''}`
    : '';

  return (
    <form action={sale.submit} className="space-y-4">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="productId" value={product?.id ?? ''} />
      <input type="hidden" name="network" value={biller} />
      <input type="hidden" name="account" value={account} />
      <input type="hidden" name="phone" value={national ?? phone} />
      <input type="hidden" name="subscriptionType" value={subscription} />
      <input type="hidden" name="quantity" value={quantity} />
      {subscription === 'change' && product?.priceMinor != null ? (
        <input type="hidden" name="expectedPriceMinor" value={product.priceMinor} />
      ) : null}
      {sale.repeat ? <input type="hidden" name="confirmRepeat" value="1" /> : null}

      <BillerDelay banners={banners} biller={biller} />
      <div className={step === 'enter' ? 'space-y-4' : 'hidden'}>
        <div className="flex flex-wrap gap-2" role="group" aria-label="TV service">
          {billers.map((b) => (
            <button
              key={b.id}
              type="button"
              aria-pressed={b.id === biller}
              onClick={() => {
                setBiller(b.id);
                setBouquetId(null);
                setChoice(null);
              }}
              className={`min-h-11 rounded-full border px-4 text-sm font-semibold ${b.id === biller ? 'border-accent-600 bg-accent-600 text-white' : 'border-slate-300 bg-white text-slate-700'}`}
            >
              {b.id === biller ? '✓ ' : ''}
              {b.label}
            </button>
          ))}
        </div>
        <AccountField
          label={phoneIsAccount ? 'Customer’s phone (Showmax account)' : 'Smartcard / IUC number'}
          inputMode={phoneIsAccount ? 'tel' : 'numeric'}
          value={card}
          onChange={setCard}
          onVerify={() => {
            setLocalError(null);
            check.verify();
          }}
          verifying={check.verifying}
          error={check.error ?? fieldErrors?.account?.[0]}
        />
        {customer && customer.name ? (
          <CustomerCard customer={customer} accountLabel="Smartcard" />
        ) : null}
        {phoneIsAccount ? null : (
          <CustomerPhoneField value={phone} onChange={setPhone} error={fieldErrors?.phone?.[0]} />
        )}
        {customer ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Renew or change</legend>
            <div className="grid grid-cols-2 gap-2" role="group" aria-label="Renew or change">
              {(['renew', 'change'] as const).map((s) => (
                <button
                  key={s}
                  type="button"
                  aria-pressed={subscription === s}
                  disabled={s === 'renew' && !canRenew}
                  onClick={() => setChoice(s)}
                  className={`min-h-11 rounded-lg border text-sm font-semibold disabled:opacity-50 ${subscription === s ? 'border-accent-600 bg-accent-600 text-white' : 'border-slate-300 bg-white'}`}
                >
                  {subscription === s ? '✓ ' : ''}
                  {s === 'renew' ? 'Renew current bouquet' : 'Change bouquet'}
                </button>
              ))}
            </div>
            {!canRenew ? (
              <p className="text-xs text-slate-600">
                {service?.label} did not say the current bouquet: pick the bouquet to pay for.
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {customer && subscription === 'change' ? (
          <PlanPicker
            plans={bouquets}
            currency="NGN"
            selectedId={bouquetId}
            onSelect={(p) => setBouquetId(p.id)}
            legend="Bouquet"
            byValidity={false}
            error={fieldErrors?.productId?.[0]}
          />
        ) : null}
        {customer && subscription === 'change' && MONTHS_ALLOWED.has(biller) ? (
          <SelectField
            label="Months"
            name="months-choice"
            value={String(months)}
            onChange={(e) => setMonths(Number(e.target.value))}
            errors={fieldErrors?.quantity}
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {m === 1 ? '1 month' : `${m} months`}
              </option>
            ))}
          </SelectField>
        ) : null}
        {localError ? <Notice tone="error">{localError}</Notice> : null}
        <Button type="button" className="w-full min-h-12 text-base" onClick={review}>
          Review payment
        </Button>
      </div>

      {step === 'confirm' && customer && national && product && amountMinor ? (
        <BillConfirm
          details={{
            phone: national,
            network: biller,
            productLabel: subscription === 'renew' ? `${label} (renewal)` : label,
            amountMinor,
            commissionBps: commissionBps[biller] ?? 0,
            currency: 'NGN',
            bill: {
              accountLabel: phoneIsAccount ? 'Showmax account' : 'Smartcard',
              account: customer.account,
              customerName: customer.name || '—',
              billerLabel: service?.label ?? biller,
            },
          }}
          sendLabel={`Pay ${label}`}
          pending={sale.pending}
          refusal={sale.refusal}
          repeat={sale.repeat}
          onBack={() => setStep('enter')}
        />
      ) : null}
    </form>
  );
}
