import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { purchases } from '@/db/schema';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import {
  normaliseIndianNumber,
  normaliseNigerianNumber,
  NG_NETWORKS,
  IN_OPERATORS,
} from '@/lib/catalogue/phone';
import { servesCircle } from '@/lib/catalogue/india';
import { getProduct } from '@/lib/catalogue/routing';
import { isBillType } from '@/lib/bills/billers';
import { checkBillSale, type BillSale } from '@/lib/bills/sale';
import { Refusal } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import { withinBudget, type AnswerBudget } from './answer-budget';
import { openThenSell, type SellDeps } from './sell';
import { toOutcome, type SaleOutcome } from './outcome';
import { checkAirtimeAmount } from './airtime-limits';
import type { SaleInput } from './sale-input';

export type { SaleInput };

/**
 * The sale, or the refusal that stopped it before any money moved (a LedgerError's code says which
 * ledger rule, e.g. INSUFFICIENT_FUNDS). With `repeatOf`, the refusal is a question: the same sale
 * went through less than a minute ago; sending again with `confirmRepeat` sells it.
 */
export type StartSaleResult =
  { ok: true; outcome: SaleOutcome } | { ok: false; refusal: Refusal; repeatOf?: SaleOutcome };

/** A refusal naming the sale input's key at fault. */
const refuse = (message: string, field?: keyof SaleInput, repeatOf?: SaleOutcome) =>
  ({ ok: false, refusal: new Refusal(message, field), repeatOf }) as const;

export interface StartSaleDeps extends SellDeps {
  /** Set at the counter: answer "pending" after this long and let the provider call finish in the background. */
  answerBudget?: AnswerBudget;
}

const REPEAT_WINDOW_MS = 60_000;

const p = sql.placeholder;
/** The agent's latest sale of this product to this number in the repeat window, other than this form's. */
const recentSameSale = prepared((db) =>
  db
    .select()
    .from(purchases)
    .where(
      and(
        eq(purchases.agentId, p('agentId')),
        eq(purchases.phone, p('phone')),
        // A bill repeats only to the same meter or smartcard; a top-up has no account ('').
        sql`coalesce(${purchases.account}, '') = ${p('account')}`,
        eq(purchases.productId, p('productId')),
        gte(purchases.createdAt, p('since')),
        ne(purchases.idempotencyKey, p('idempotencyKey')),
        ne(purchases.status, 'FAILED'),
      ),
    )
    .orderBy(desc(purchases.createdAt))
    .limit(1),
);

const saleByKey = prepared((db) =>
  db
    .select()
    .from(purchases)
    .where(
      and(eq(purchases.agentId, p('agentId')), eq(purchases.idempotencyKey, p('idempotencyKey'))),
    ),
);

/**
 * Everything the agent might get wrong is refused here with words they can act on, before any
 * money moves: the number, the network, the plan, the amount, a price that changed, a repeat.
 */
export async function startSale(
  db: Db,
  agentId: number,
  input: SaleInput,
  deps: StartSaleDeps = {},
): Promise<StartSaleResult> {
  const now = (deps.now ?? Date.now)();
  const product = await getProduct(db, input.productId);
  if (!product || !product.active)
    return refuse('That plan is no longer on sale. Pick another one.', 'productId');
  // A bill (electricity, TV) verifies its account and checks its amount in lib/bills/sale.ts.
  let bill: BillSale | undefined;
  if (isBillType(product.type)) {
    try {
      bill = await checkBillSale(db, agentId, product, input, { now, provider: deps.provider });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return { ok: false, refusal: error };
    }
  }
  const india = product.currency === 'INR';
  const phone = india ? normaliseIndianNumber(input.phone) : normaliseNigerianNumber(input.phone);
  if (!phone) {
    return refuse(
      india
        ? 'Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9.'
        : 'Enter a Nigerian mobile number, like 0803 123 4567.',
      'phone',
    );
  }
  // A bill's network is its biller (lib/bills/billers.ts).
  const networks: readonly string[] = bill ? [product.network] : india ? IN_OPERATORS : NG_NETWORKS;
  if (!networks.includes(input.network) || input.network !== product.network) {
    return refuse('The plan does not match the chosen network. Pick the network again.', 'network');
  }
  if (india && !servesCircle(product.circle, input.circle)) {
    return refuse('Choose the circle for this number.', 'circle');
  }

  let amountMinor: number;
  if (bill) {
    amountMinor = bill.amountMinor;
  } else if (product.type === 'airtime') {
    const checked = checkAirtimeAmount(product, input.amountMinor);
    if (!checked.ok) return refuse(`Enter ${checked.wanted}.`, 'amountMinor');
    amountMinor = checked.amountMinor;
  } else {
    if (product.priceMinor === null)
      return refuse('That plan has no price. Pick another one.', 'productId');
    if (input.expectedPriceMinor !== undefined && input.expectedPriceMinor !== product.priceMinor) {
      return refuse(
        `The price of this plan changed to ${formatMoney(product.priceMinor, product.currency)}. Check and confirm again.`,
        'productId',
      );
    }
    amountMinor = product.priceMinor;
  }

  if (!input.confirmRepeat) {
    const recent = await recentSameSale(db).get({
      agentId,
      phone,
      account: bill?.account ?? '',
      productId: product.id,
      since: now - REPEAT_WINDOW_MS,
      idempotencyKey: input.idempotencyKey,
    });
    if (recent) {
      return refuse(
        `You sold this to ${bill?.account ?? phone} less than a minute ago. Send again?`,
        undefined,
        toOutcome(recent),
      );
    }
  }

  const price = priceSale(
    amountMinor,
    await commissionBps(db, agentId, product.currency, product.network, product.type),
  );
  let outcome: SaleOutcome;
  try {
    // The budget's clock starts once the sale is opened (or refused), so when it runs out the sale exists.
    // Only an Indian sale has a circle: whatever else a form sends in that field is not stored.
    const sale = await openThenSell(
      db,
      {
        agentId,
        idempotencyKey: input.idempotencyKey,
        product,
        phone,
        network: input.network,
        circle: india ? input.circle : undefined,
        price,
        bill,
      },
      deps,
    );
    const answered = await withinBudget(sale.answer, deps.answerBudget);
    outcome = answered
      ? answered.value.outcome
      : toOutcome((await saleByKey(db).get({ agentId, idempotencyKey: input.idempotencyKey }))!);
  } catch (error) {
    // A LedgerError is a Refusal too; its code tells the API which refusal it was (insufficient funds).
    if (error instanceof Refusal) return { ok: false, refusal: error };
    throw error;
  }
  return { ok: true, outcome };
}
