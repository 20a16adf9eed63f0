// The verify step before a bill's confirm: ask the provider who holds this meter or smartcard, show
// the agent the name (and address, arrears, limits, bouquet), and refuse a wrong account in words.
// startSale asks again (or reuses a fresh answer) before any money moves (lib/bills/prepare.ts).
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '@/db';
import { billVerifications, products, productSources } from '@/db/schema';
import { getProduct, routeFor, type Product } from '@/lib/catalogue/routing';
import { Refusal } from '@/lib/errors';
import { providerFor } from '@/lib/provider-settings/adapters';
import { isProviderId } from '@/lib/providers/registry';
import type { BillVerifyResult, ProviderDeps } from '@/lib/providers/types';
import { accountIsPhone, billerLabel, isBillType, type MeterType } from './billers';
import { first } from '@/db/query';

export interface BillCustomer {
  name: string;
  address: string | null;
  account: string;
  meterType: MeterType | null;
  arrearsMinor: number | null;
  minimumMinor: number | null;
  maximumMinor: number | null;
  currentBouquet: string | null;
  currentBouquetProductId: number | null;
  renewalAmountMinor: number | null;
  dueDate: string | null;
}

export interface VerifyDeps {
  provider?: Partial<ProviderDeps>;
  now?: () => number;
  /** The agent whose verify is remembered for reuse at the sale (none: not remembered). */
  agentId?: number;
}

/** A verify of the same agent, product and account this recent is reused by the sale. */
export const VERIFY_REUSE_MS = 10 * 60_000;

/** Meter numbers are 11 to 13 digits, smartcards 10 to 12; the provider decides the rest. */
const ACCOUNT_PATTERN = /^\d{6,20}$/;

/**
 * Who holds this account, as the provider says. Throws Refusal(message, 'account') for an account
 * the provider does not know, and a Refusal without a field when no provider can be asked now.
 */
export async function verifyBillAccount(
  db: Db,
  input: { productId: number; account: string },
  deps: VerifyDeps = {},
): Promise<BillCustomer> {
  const product = await getProduct(db, input.productId);
  if (!product || !product.active || !isBillType(product.type))
    throw new Refusal('That bill is no longer on sale. Pick another one.', 'productId');
  const account = input.account.replace(/[\s-]/g, '');
  const label = billerLabel(product.network);
  if (!ACCOUNT_PATTERN.test(account)) throw new Refusal(accountWords(product, label), 'account');
  if (accountIsPhone(product.network)) {
    // ShowMax has no verify step (docs/providers/vtpass-bills.md#tv-verify): the account is the phone itself.
    return noVerify(account);
  }
  const answer = await askProvider(db, product, account, deps.provider);
  if (!answer.ok) {
    if (answer.kind === 'wrong_account')
      throw new Refusal(
        `${label} does not know this ${accountNoun(product)} (${account}). ${answer.message}`.trim(),
        'account',
      );
    throw new Refusal(
      `${label} cannot check accounts right now. Try again in a minute.`,
      undefined,
    );
  }
  const customer: BillCustomer = {
    name: answer.name,
    address: answer.address,
    account,
    meterType:
      product.type === 'electricity'
        ? (answer.meterType ?? (await meterTypeOf(db, product)))
        : null,
    arrearsMinor: answer.arrearsMinor,
    minimumMinor: answer.minimumMinor,
    maximumMinor: answer.maximumMinor,
    currentBouquet: answer.currentBouquet,
    currentBouquetProductId: await bouquetProductId(db, product, answer.currentBouquetCodes),
    renewalAmountMinor: answer.renewalAmountMinor,
    dueDate: answer.dueDate,
  };
  if (deps.agentId !== undefined)
    await rememberVerify(db, deps.agentId, product.id, customer, (deps.now ?? Date.now)());
  return customer;
}

/** A verify of this agent, product and account younger than VERIFY_REUSE_MS, if any. */
export async function recentVerify(
  db: Db,
  agentId: number,
  productId: number,
  account: string,
  now: number,
): Promise<BillCustomer | null> {
  const row = await first(
    db
      .select({ customer: billVerifications.customer })
      .from(billVerifications)
      .where(
        and(
          eq(billVerifications.agentId, agentId),
          eq(billVerifications.productId, productId),
          eq(billVerifications.account, account),
          gte(billVerifications.verifiedAt, now - VERIFY_REUSE_MS),
        ),
      )
      .orderBy(desc(billVerifications.verifiedAt))
      .limit(1),
  );
  return row ? (row.customer as BillCustomer) : null;
}

async function rememberVerify(
  db: Db,
  agentId: number,
  productId: number,
  customer: BillCustomer,
  now: number,
) {
  await db
    .insert(billVerifications)
    .values({ agentId, productId, account: customer.account, customer, verifiedAt: now });
}

/** An electricity product's meter type: its sources' plan code ('prepaid' | 'postpaid'). */
export async function meterTypeOf(db: Db, product: Product): Promise<MeterType | null> {
  if (product.type !== 'electricity') return null;
  const source = await first(
    db
      .select({ planCode: productSources.planCode })
      .from(productSources)
      .where(eq(productSources.productId, product.id)),
  );
  return source?.planCode === 'postpaid'
    ? 'postpaid'
    : source?.planCode === 'prepaid'
      ? 'prepaid'
      : null;
}

function accountNoun(product: Product): string {
  return product.type === 'electricity' ? 'meter number' : 'smartcard number';
}

function accountWords(product: Product, label: string): string {
  return product.type === 'electricity'
    ? `Enter the ${label} meter number: digits only, as printed on the meter or the bill.`
    : `Enter the ${label} smartcard or IUC number: digits only, as printed on the decoder.`;
}

function noVerify(account: string): BillCustomer {
  return {
    name: '',
    address: null,
    account,
    meterType: null,
    arrearsMinor: null,
    minimumMinor: null,
    maximumMinor: null,
    currentBouquet: null,
    currentBouquetProductId: null,
    renewalAmountMinor: null,
    dueDate: null,
  };
}

/** The first provider on the product's route that sells this family and can verify: VTpass today. */
async function askProvider(
  db: Db,
  product: Product,
  account: string,
  deps?: Partial<ProviderDeps>,
): Promise<BillVerifyResult> {
  const type = product.type as 'electricity' | 'tv';
  for (const step of await routeFor(db, product)) {
    if (!isProviderId(step.provider)) continue;
    const live = await providerFor(db, step.provider, deps);
    const family = live?.adapter.bills?.[type];
    if (!family?.verify) continue;
    try {
      return await family.verify({
        type,
        biller: product.network,
        account,
        planCode: type === 'electricity' ? step.planCode : undefined,
      });
    } catch (error) {
      return {
        ok: false,
        kind: 'unavailable',
        message: error instanceof Error ? error.message : String(error),
        exchanges: [],
      };
    }
  }
  return { ok: false, kind: 'unavailable', message: 'no provider can verify', exchanges: [] };
}

/** The catalogue product of the customer's current bouquet (its first code), when it is on sale. */
async function bouquetProductId(db: Db, product: Product, codes: string[]): Promise<number | null> {
  const firstCode = codes[0];
  if (!firstCode || product.type !== 'tv') return null;
  const row = await first(
    db
      .select({ id: products.id })
      .from(productSources)
      .innerJoin(products, eq(products.id, productSources.productId))
      .where(
        and(
          eq(productSources.planCode, firstCode),
          eq(products.network, product.network),
          eq(products.type, 'tv'),
          eq(products.active, true),
        ),
      ),
  );
  return row?.id ?? null;
}
