// The bill half of startSale's checks, before any money moves: the account is verified again (or a
// verify of the same agent, product and account from the last 10 minutes is reused), and the amount
// follows the bill's rules. Everything else (repeat, price, the three phases) is the one sale path.
import type { Db } from '@/db';
import type { Product } from '@/lib/catalogue/routing';
import { Refusal } from '@/lib/errors';
import { formatMoney, isWholeAmountWithin } from '@/lib/money';
import type { ProviderDeps } from '@/lib/providers/types';
import type { SaleInput } from '@/lib/purchases/sale-input';
import { accountIsPhone, billerLabel, type SubscriptionType } from './billers';
import { meterTypeOf, recentVerify, verifyBillAccount, type BillCustomer } from './verify';

/** What a bill sale stores beside the usual sale: see purchases.account and the delivered columns. */
export interface BillSale {
  account: string;
  quantity: number | null;
  subscriptionType: SubscriptionType | null;
  amountMinor: number;
  /** A prepaid meter's sale is delivered by its token: until one comes, the portal keeps asking. */
  tokenExpected: boolean;
  customerName: string | null;
}

/** Used when neither the product nor the meter's verify gives a limit (no minimum is published: GAP). */
export const DEFAULT_ELECTRICITY_MIN_MINOR = 50_000;

/** DStv and GOtv renew or change a bouquet, for a number of months; the others sell the bouquet chosen. */
const hasSubscriptionType = (biller: string) => biller === 'DSTV' || biller === 'GOTV';

export async function checkBillSale(
  db: Db,
  agentId: number,
  product: Product,
  input: SaleInput,
  deps: { now: number; provider?: Partial<ProviderDeps> },
): Promise<BillSale> {
  const account = accountIsPhone(product.network)
    ? (input.account ?? input.phone).replace(/[\s-]/g, '')
    : input.account;
  if (!account)
    throw new Refusal(
      product.type === 'electricity'
        ? 'Enter the meter number.'
        : `Enter the ${billerLabel(product.network)} smartcard number.`,
      'account',
    );
  const customer =
    (await recentVerify(db, agentId, product.id, account, deps.now)) ??
    (await verifyBillAccount(
      db,
      { productId: product.id, account },
      { agentId, now: () => deps.now, provider: deps.provider },
    ));
  return product.type === 'electricity'
    ? await electricity(db, product, input, customer)
    : tv(product, input, customer);
}

async function electricity(
  db: Db,
  product: Product,
  input: SaleInput,
  customer: BillCustomer,
): Promise<BillSale> {
  const meterType = await meterTypeOf(db, product);
  if (customer.meterType && meterType && customer.meterType !== meterType)
    throw new Refusal(
      `This is a ${customer.meterType} meter. Choose ${billerLabel(product.network)} ${customer.meterType}.`,
      'account',
    );
  const min = Math.max(
    product.minMinor ?? DEFAULT_ELECTRICITY_MIN_MINOR,
    customer.minimumMinor ?? 0,
  );
  const max = Math.min(
    product.maxMinor ?? Number.MAX_SAFE_INTEGER,
    customer.maximumMinor ?? Number.MAX_SAFE_INTEGER,
  );
  const asked = input.amountMinor ?? 0;
  if (min > max)
    throw new Refusal('This meter cannot be paid for now. Ask the customer to call their DISCO.');
  if (!isWholeAmountWithin(asked, { minMinor: min, maxMinor: max }))
    throw new Refusal(
      `Enter a whole amount from ${formatMoney(roundUpToNaira(min), 'NGN')} to ${formatMoney(max, 'NGN')} for this meter.`,
      'amountMinor',
    );
  return {
    account: customer.account,
    quantity: null,
    subscriptionType: null,
    amountMinor: asked,
    tokenExpected: meterType !== 'postpaid',
    customerName: customer.name || null,
  };
}

const roundUpToNaira = (minor: number) => Math.ceil(minor / 100) * 100;

function tv(product: Product, input: SaleInput, customer: BillCustomer): BillSale {
  if (product.priceMinor === null)
    throw new Refusal('That bouquet has no price. Pick another one.', 'productId');
  const subscriptionType = hasSubscriptionType(product.network)
    ? (input.subscriptionType ?? 'change')
    : null;
  if (!subscriptionType && (input.quantity ?? 1) !== 1)
    throw new Refusal(`${billerLabel(product.network)} is paid one period at a time.`, 'quantity');
  if (subscriptionType === 'renew') {
    if (
      customer.currentBouquetProductId !== null &&
      customer.currentBouquetProductId !== product.id
    )
      throw new Refusal(
        'Renewing keeps the customer’s current bouquet. To sell this one, choose change.',
        'subscriptionType',
      );
    // The renewal amount may differ from the list price (promos): the provider's figure wins.
    const amountMinor = customer.renewalAmountMinor ?? product.priceMinor;
    refuseChangedPrice(input, amountMinor);
    return bouquet(customer, amountMinor, null, 'renew');
  }
  const quantity = input.quantity ?? 1;
  const amountMinor = product.priceMinor * quantity;
  refuseChangedPrice(input, amountMinor);
  return bouquet(customer, amountMinor, subscriptionType ? quantity : null, subscriptionType);
}

/** The total the agent confirmed: a changed one is refused rather than charged. */
function refuseChangedPrice(input: SaleInput, amountMinor: number) {
  if (input.expectedPriceMinor !== undefined && input.expectedPriceMinor !== amountMinor)
    throw new Refusal(
      `The price changed to ${formatMoney(amountMinor, 'NGN')}. Check and confirm again.`,
      'productId',
    );
}

function bouquet(
  customer: BillCustomer,
  amountMinor: number,
  quantity: number | null,
  subscriptionType: SubscriptionType | null,
): BillSale {
  return {
    account: customer.account,
    quantity,
    subscriptionType,
    amountMinor,
    tokenExpected: false,
    customerName: customer.name || null,
  };
}
