// JoNet glue: builds bodies (amount as a naira string), calls the client, maps with map.ts.
import { invalidAmount, mapOutcome, notSent, readOrThrow, ProviderReadError } from '../ambiguity';
import { minorOrUndefined, parseDecimalToMinor, minorToWholeOrDecimal2 } from '../../money';
import { airtimeItems } from '../catalogue-helpers';
import { intOption } from '../config';
import type { ProviderAdapter, ProviderConfig, ProviderDeps } from '../types';
import { parseJonetCallback } from './callback';
import { createJonetClient } from './client';
import { JONET_AIRTIME_NETWORK, mapJonetPlans, mapJonetPurchase, mapJonetRequery } from './map';
import { jonetBalance, jonetPlans, jonetReply } from './schemas';

export function createJonetAdapter(
  config: ProviderConfig,
  deps: ProviderDeps,
): ProviderAdapter<'jonet'> {
  const client = createJonetClient(config, deps);
  return {
    id: 'jonet',
    currency: 'NGN',

    async listCatalogue() {
      const outcome = await client.get('catalogue');
      const parsed = jonetPlans.safeParse(readOrThrow(outcome, 'jonet catalogue'));
      if (!parsed.success)
        throw new ProviderReadError('jonet catalogue: unexpected body', [outcome.exchange]);
      const min = intOption(config, 'airtimeMinMinor', 5_000);
      const max = intOption(config, 'airtimeMaxMinor', 5_000_000);
      return [
        ...airtimeItems('jonet', 'NGN', JONET_AIRTIME_NETWORK, min, max),
        ...mapJonetPlans(parsed.data),
      ];
    },

    async buyAirtime(r) {
      const network = JONET_AIRTIME_NETWORK[r.network.toUpperCase()];
      if (!network) return notSent('unsupported_network', `JoNet has no airtime for ${r.network}`);
      const bad = invalidAmount(r.amountMinor);
      if (bad) return bad;
      const body = {
        network,
        amount: minorToWholeOrDecimal2(r.amountMinor),
        phone: r.phone,
        customer_id: r.reference,
      };
      return mapOutcome(await client.post('airtime', body), jonetReply, mapJonetPurchase);
    },

    async buyData(r) {
      const body = { code: r.planCode, phone: r.phone, customer_id: r.reference };
      return mapOutcome(await client.post('data', body), jonetReply, mapJonetPurchase);
    },

    async requery(reference) {
      // GAP: INFERRED to be keyed by customer_id.
      return mapOutcome(
        await client.post('requery', { customer_id: reference }),
        jonetReply,
        mapJonetRequery,
      );
    },

    async balance() {
      const outcome = await client.get('balance');
      const parsed = jonetBalance.safeParse(readOrThrow(outcome, 'jonet balance'));
      const amountMinor = parsed.success
        ? minorOrUndefined(parseDecimalToMinor(parsed.data.balance))
        : undefined;
      if (amountMinor === undefined)
        throw new ProviderReadError('jonet balance: unexpected body', [outcome.exchange]);
      return { amountMinor, currency: 'NGN', exchanges: [outcome.exchange] };
    },

    parseCallback(input) {
      return parseJonetCallback(input, config.credentials.apiKey ?? ''); // never throws, even unconfigured
    },
  };
}
