'use client';

import { useActionState, useMemo, useState } from 'react';
import { sellAction, type SellActionData } from './actions';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import {
  detectNigerianNetwork,
  formatNigerianNumber,
  normaliseIndianNumber,
  normaliseNigerianNumber,
} from '@/lib/catalogue/phone';
import type { ActionResult } from '@/lib/actions/result';
import { minorOrUndefined, parseTypedAmount } from '@/lib/money';
import { newIdempotencyKey } from '@/lib/purchases/idempotency-key';
import { airtimeRange, checkAirtimeAmount } from '@/lib/purchases/airtime-limits';
import { AmountPicker } from './amount-picker';
import { ConfirmPanel } from './confirm-panel';
import { NumberField } from './number-field';
import { servesCircle } from '@/lib/catalogue/india';
import { sizeLabel, validityLabel } from '@/lib/catalogue/labels';
import { PlanPicker } from './plan-picker';
import { SaleResult } from './sale-result';
import type { SaleFormProps, SellableProduct } from './types';

/** A number handed over from the dashboard arrives formatted, with its network already chosen. */
function prefill(
  raw: string,
  currency: SaleFormProps['currency'],
  recent: SaleFormProps['recentNumbers'],
) {
  const national = currency === 'INR' ? normaliseIndianNumber(raw) : normaliseNigerianNumber(raw);
  if (!national) return { phone: raw, network: '', circle: '' };
  const remembered = recent.find((r) => r.phone === national);
  const network =
    remembered?.network ?? (currency === 'NGN' ? (detectNigerianNetwork(national) ?? '') : '');
  return {
    phone: currency === 'NGN' ? formatNigerianNumber(national) : national,
    network,
    circle: remembered?.circle ?? '',
  };
}

/** Enter → confirm → result. One idempotency key per opened form: a double submit is one sale. */
export function SaleForm(props: SaleFormProps) {
  const [formKey, setFormKey] = useState(0);
  return <SaleFlow key={formKey} {...props} onNewSale={() => setFormKey((k) => k + 1)} />;
}

function SaleFlow({
  mode,
  currency,
  products,
  networks,
  circles,
  commissionBps,
  recentNumbers,
  banners,
  initialPhone,
  onNewSale,
}: SaleFormProps & { onNewSale: () => void }) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [initial] = useState(() => prefill(initialPhone ?? '', currency, recentNumbers));
  const [phone, setPhone] = useState(initial.phone);
  const [network, setNetwork] = useState(initial.network);
  const [circle, setCircle] = useState(initial.circle);
  const [amount, setAmount] = useState('');
  const [planId, setPlanId] = useState<number | null>(null);
  const [step, setStep] = useState<'enter' | 'confirm'>('enter');
  const [localError, setLocalError] = useState<string | null>(null);
  const [state, submit, pending] = useActionState<ActionResult<SellActionData> | null, FormData>(
    sellAction,
    null,
  );

  const india = currency === 'INR';
  const candidates = products.filter(
    (p) => p.network === network && (!india || servesCircle(p.circle, circle)),
  );
  const product: SellableProduct | undefined =
    mode === 'airtime' ? candidates[0] : candidates.find((p) => p.id === planId);
  const amountMinor =
    mode === 'airtime'
      ? (minorOrUndefined(parseTypedAmount(amount)) ?? null)
      : (product?.priceMinor ?? null);
  const national = india ? normaliseIndianNumber(phone) : normaliseNigerianNumber(phone);
  const circleLabel = useMemo(
    () => circles.find((c) => c.code === circle)?.name,
    [circles, circle],
  );

  if (state?.ok && state.data.kind === 'sold')
    return <SaleResult initial={state.data.outcome} onNewSale={onNewSale} />;

  function review() {
    if (!national)
      return setLocalError(
        india
          ? 'Enter a 10-digit Indian mobile number.'
          : 'Enter a Nigerian mobile number, like 0803 123 4567.',
      );
    if (!network) return setLocalError('Pick the network.');
    if (india && !circle) return setLocalError('Choose the circle.');
    if (!product)
      return setLocalError(
        mode === 'airtime' ? `No ${network} airtime on sale right now.` : 'Pick a plan.',
      );
    if (!amountMinor) return setLocalError('Enter an amount like 500 or 1,000.');
    if (mode === 'airtime') {
      // The sale's own amount rule, so the agent hears it before confirming, not after.
      const checked = checkAirtimeAmount({ ...product, currency }, amountMinor);
      if (!checked.ok) return setLocalError(`Enter ${checked.wanted}.`);
    }
    setLocalError(null);
    setStep('confirm');
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const repeat = state?.ok && state.data.kind === 'confirm_repeat' ? state.data.message : null;
  const label =
    mode === 'airtime'
      ? `${network} airtime`
      : product
        ? [network, sizeLabel(product.dataMb), validityLabel(product.validityDays)]
            .filter(Boolean)
            .join(' · ')
        : '';

  return (
    <form action={submit} className="space-y-4">
      {banners
        .filter((b) => !network || b.network === network)
        .map((b) => (
          <Notice key={b.message} tone="warning">
            {b.message}. Sales still go through; some may take longer.
          </Notice>
        ))}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="productId" value={product?.id ?? ''} />
      <input type="hidden" name="network" value={network} />
      {india ? <input type="hidden" name="circle" value={circle} /> : null}
      {mode === 'data' && product?.priceMinor != null ? (
        <input type="hidden" name="expectedPriceMinor" value={product.priceMinor} />
      ) : null}
      {repeat ? <input type="hidden" name="confirmRepeat" value="1" /> : null}

      <div className={step === 'enter' ? 'space-y-4' : 'hidden'}>
        <NumberField
          currency={currency}
          value={phone}
          onChange={setPhone}
          network={network}
          networks={networks}
          recentNumbers={recentNumbers}
          onNetwork={(n) => {
            setNetwork(n);
            setPlanId(null);
            const r = recentNumbers.find((x) => x.phone === national);
            if (india && r?.circle) setCircle(r.circle);
          }}
          error={fieldErrors?.phone?.[0]}
        />
        {india ? (
          <SelectField
            label="Circle"
            name="circle-choice"
            value={circle}
            onChange={(e) => {
              setCircle(e.target.value);
              setPlanId(null);
            }}
          >
            <option value="">Choose the circle…</option>
            {circles.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {mode === 'airtime' ? (
          <AmountPicker
            currency={currency}
            value={amount}
            onChange={setAmount}
            {...airtimeRange(product)}
            error={fieldErrors?.amountMinor?.[0]}
          />
        ) : network ? (
          <PlanPicker
            plans={candidates}
            currency={currency}
            selectedId={planId}
            onSelect={(p) => setPlanId(p.id)}
            error={fieldErrors?.productId?.[0]}
          />
        ) : null}
        {mode === 'airtime' ? (
          <input type="hidden" name="amountMinor" value={amountMinor ?? ''} />
        ) : null}
        {localError ? <Notice tone="error">{localError}</Notice> : null}
        <Button type="button" className="w-full min-h-12 text-base" onClick={review}>
          Review sale
        </Button>
      </div>

      {step === 'confirm' && national && amountMinor ? (
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">Confirm the sale</h2>
          <ConfirmPanel
            d={{
              phone: national,
              network,
              circleName: circleLabel,
              productLabel: label,
              amountMinor,
              commissionBps: commissionBps[network] ?? 0,
              currency,
            }}
          />
          {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
          {repeat ? <Notice tone="warning">{repeat}</Notice> : null}
          <Button type="submit" className="w-full min-h-14 text-lg" disabled={pending}>
            {pending ? 'Sending…' : repeat ? 'Yes, send again' : `Send ${label}`}
          </Button>
          <Button
            type="button"
            variant="secondary"
            className="w-full"
            disabled={pending}
            onClick={() => setStep('enter')}
          >
            Change details
          </Button>
        </div>
      ) : null}
    </form>
  );
}
