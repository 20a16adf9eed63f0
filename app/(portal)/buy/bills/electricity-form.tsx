'use client';

import { useState } from 'react';
import { AmountPicker } from '@/app/(portal)/buy/amount-picker';
import { SaleResult } from '@/app/(portal)/buy/sale-result';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import type { MeterType } from '@/lib/bills/billers';
import type { BillFormData } from '@/lib/catalogue/bill-form-data';
import { normaliseNigerianNumber } from '@/lib/catalogue/phone';
import { minorOrUndefined, parseTypedAmount } from '@/lib/money';
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

/** Meters take larger amounts than phones: ₦1,000 to ₦50,000 as chips, any amount within limits. */
const ELECTRICITY_CHIPS_MINOR = [100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000];

/** Company → meter type → meter number → verify (name, address, arrears) → amount → confirm. */
export function ElectricityForm(props: BillFormData & { banners: PurchaseBanner[] }) {
  const [formKey, setFormKey] = useState(0);
  return <ElectricityFlow key={formKey} {...props} onNewSale={() => setFormKey((k) => k + 1)} />;
}

function ElectricityFlow({
  billers,
  products,
  commissionBps,
  banners,
  onNewSale,
}: BillFormData & { banners: PurchaseBanner[]; onNewSale: () => void }) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [biller, setBiller] = useState(billers.length === 1 ? billers[0]!.id : '');
  const [meterType, setMeterType] = useState<MeterType>('prepaid');
  const [meter, setMeter] = useState('');
  const [phone, setPhone] = useState('');
  const [amount, setAmount] = useState('');
  const [step, setStep] = useState<'enter' | 'confirm'>('enter');
  const [localError, setLocalError] = useState<string | null>(null);
  const sale = useBillSale();

  const product = products.find((p) => p.network === biller && p.meterType === meterType);
  const account = meter.replace(/[\s-]/g, '');
  const check = useVerify(product?.id ?? null, account);
  const customer = check.customer;
  const national = normaliseNigerianNumber(phone);
  const amountMinor = minorOrUndefined(parseTypedAmount(amount)) ?? null;
  const billerLabel = billers.find((b) => b.id === biller)?.label ?? biller;
  // The verify answer's limits are this meter's own; the product's are the company's defaults.
  const minMinor = Math.max(customer?.minimumMinor ?? 0, product?.minMinor ?? 0) || 100;
  const maxMinor = customer?.maximumMinor ?? product?.maxMinor ?? Number.MAX_SAFE_INTEGER;

  if (sale.sold) return <SaleResult initial={sale.sold} onNewSale={onNewSale} account={account} />;

  function review() {
    if (!product) return setLocalError('Pick the company and the meter type.');
    if (!customer) return setLocalError('Verify the meter number first.');
    if (!national) return setLocalError('Enter the customer’s phone, like 0803 123 4567.');
    if (!amountMinor) return setLocalError('Enter an amount like 2,000 or 5,000.');
    setLocalError(null);
    setStep('confirm');
  }

  const fieldErrors = sale.refusal?.fieldErrors;
  const label = product ? `${billerLabel} ${meterType}` : '';

  return (
    <form action={sale.submit} className="space-y-4">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="productId" value={product?.id ?? ''} />
      <input type="hidden" name="network" value={biller} />
      <input type="hidden" name="account" value={account} />
      <input type="hidden" name="phone" value={national ?? phone} />
      <input type="hidden" name="amountMinor" value={amountMinor ?? ''} />
      {sale.repeat ? <input type="hidden" name="confirmRepeat" value="1" /> : null}

      <BillerDelay banners={banners} biller={biller} />
      <div className={step === 'enter' ? 'space-y-4' : 'hidden'}>
        <SelectField
          label="Electricity company"
          name="biller-choice"
          value={biller}
          onChange={(e) => setBiller(e.target.value)}
          errors={fieldErrors?.productId}
        >
          <option value="">Choose the company…</option>
          {billers.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label} ({b.id})
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Meter type</legend>
          <div className="mt-1 grid grid-cols-2 gap-2" role="group" aria-label="Meter type">
            {(['prepaid', 'postpaid'] as const).map((t) => (
              <button
                key={t}
                type="button"
                aria-pressed={meterType === t}
                onClick={() => setMeterType(t)}
                className={`min-h-11 rounded-lg border text-sm font-semibold capitalize ${meterType === t ? 'border-accent-600 bg-accent-600 text-white' : 'border-slate-300 bg-white'}`}
              >
                {meterType === t ? '✓ ' : ''}
                {t}
              </button>
            ))}
          </div>
        </fieldset>
        <AccountField
          label="Meter number"
          value={meter}
          onChange={setMeter}
          onVerify={() => {
            if (!product) return setLocalError('Pick the company and the meter type.');
            setLocalError(null);
            check.verify();
          }}
          verifying={check.verifying}
          error={check.error ?? fieldErrors?.account?.[0]}
        />
        {customer ? <CustomerCard customer={customer} accountLabel="Meter" /> : null}
        <CustomerPhoneField value={phone} onChange={setPhone} error={fieldErrors?.phone?.[0]} />
        {customer ? (
          <AmountPicker
            currency="NGN"
            value={amount}
            onChange={setAmount}
            minMinor={minMinor}
            maxMinor={maxMinor}
            chipsMinor={ELECTRICITY_CHIPS_MINOR}
            error={fieldErrors?.amountMinor?.[0]}
          />
        ) : null}
        {localError ? <Notice tone="error">{localError}</Notice> : null}
        <Button type="button" className="w-full min-h-12 text-base" onClick={review}>
          Review payment
        </Button>
      </div>

      {step === 'confirm' && customer && national && amountMinor ? (
        <BillConfirm
          details={{
            phone: national,
            network: biller,
            productLabel: label,
            amountMinor,
            commissionBps: commissionBps[biller] ?? 0,
            currency: 'NGN',
            bill: {
              accountLabel: 'Meter number',
              account: customer.account,
              customerName: customer.name,
              billerLabel,
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
