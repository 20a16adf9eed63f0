// RechargeKit glue: numeric operator and circle codes (docs/providers/rechargekit.md#operators; operator list path and circle table are GAPs,
// so both come from options), amount in rupees, partner_request_id = our reference.
import { invalidAmount, mapOutcome, notSent, readOrThrow, ProviderReadError } from '../ambiguity';
import { minorOrUndefined, parseDecimalToMinor, minorToMajorNumber } from '../../money';
import { airtimeItems } from '../catalogue-helpers';
import { intOption, mapOption, option } from '../config';
import type { CatalogueItem, ProviderAdapter, ProviderConfig, ProviderDeps } from '../types';
import { parseRechargekitCallback } from './callback';
import { createRkClient } from './client';
import { mapRkPlans, mapRkPurchase, mapRkStatus } from './map';
import { rkBalance, rkPlanFetch, rkReply } from './schemas';

// prepaid codes used by one v1-era client (kavki fastfx); BSNL uses the Top-up code 9.
export const RK_DEFAULT_OPERATORS = 'AIRTEL:1,JIO:103,VI:1167,BSNL:9';
export const RK_DEFAULT_CIRCLES = '5,23'; // GAP: circles to list plans for; the doc examples use 23, 2 and 5

export function createRechargekitAdapter(
  config: ProviderConfig,
  deps: ProviderDeps,
): ProviderAdapter<'rechargekit'> {
  const client = createRkClient(config, deps);
  const operators = mapOption(config, 'operators', RK_DEFAULT_OPERATORS);
  const circles = option(config, 'circles', RK_DEFAULT_CIRCLES)
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

  async function recharge(
    reference: string,
    phone: string,
    network: string,
    amountMinor: number,
    circle?: string,
    planCode?: string,
  ) {
    const operator = operators[network.toUpperCase()];
    if (!operator)
      return notSent('unsupported_network', `RechargeKit: no operator code for ${network}`);
    if (!circle || !/^\d+$/.test(circle))
      return notSent('missing_circle', 'RechargeKit needs a numeric circle');
    const bad = invalidAmount(amountMinor);
    if (bad) return bad;
    const body = {
      mobile_no: phone,
      operator_code: Number(operator),
      amount: minorToMajorNumber(amountMinor),
      partner_request_id: reference,
      circle: Number(circle),
      recharge_type: option(config, 'rechargeType', '1'),
      user_var1: planCode ?? '',
      user_var2: '',
      user_var3: '', // echo fields; planCode kept for audit
    };
    return mapOutcome(await client.post('recharge', body), rkReply, mapRkPurchase);
  }

  return {
    id: 'rechargekit',
    currency: 'INR',
    async listCatalogue() {
      const min = intOption(config, 'airtimeMinMinor', 1_000);
      const max = intOption(config, 'airtimeMaxMinor', 500_000);
      const items: CatalogueItem[] = airtimeItems('rechargekit', 'INR', operators, min, max);
      for (const [network, operator] of Object.entries(operators)) {
        for (const circle of circles) {
          const outcome = await client.post('plans', {
            operator_code: Number(operator),
            circle: Number(circle),
          });
          const parsed = rkPlanFetch.safeParse(
            readOrThrow(outcome, `rechargekit plans ${network}/${circle}`),
          );
          if (!parsed.success)
            throw new ProviderReadError(`rechargekit plans ${network}/${circle}: unexpected body`, [
              outcome.exchange,
            ]);
          if (parsed.data.error !== 0) continue; // no plans for this operator in this circle
          items.push(...mapRkPlans(network, circle, operator, parsed.data.planData.plan));
        }
      }
      return items;
    },
    buyAirtime: (r) =>
      recharge(r.reference, r.phone, r.network, r.amountMinor, r.circle, r.planCode),
    buyData: (r) => recharge(r.reference, r.phone, r.network, r.amountMinor, r.circle, r.planCode),
    async requery(reference) {
      return mapOutcome(
        await client.post('status', { partner_request_id: reference }),
        rkReply,
        mapRkStatus,
      );
    },
    async balance() {
      const outcome = await client.get('balance');
      const parsed = rkBalance.safeParse(readOrThrow(outcome, 'rechargekit balance'));
      const amountMinor =
        parsed.success && parsed.data.error === 0
          ? minorOrUndefined(parseDecimalToMinor(parsed.data.wallet_amount))
          : undefined;
      if (amountMinor === undefined)
        throw new ProviderReadError('rechargekit balance: unexpected body', [outcome.exchange]);
      return { amountMinor, currency: 'INR', exchanges: [outcome.exchange] };
    },
    parseCallback: parseRechargekitCallback,
  };
}
