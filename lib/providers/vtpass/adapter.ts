// VTpass glue: serviceIDs per network (docs/providers/vtpass.md#endpoints), amount as a naira number, request_id = our reference.
import { invalidAmount, mapOutcome, notSent, readOrThrow, ProviderReadError } from '../ambiguity';
import { minorOrUndefined, parseDecimalToMinor, minorToMajorNumber } from '../../money';
import { airtimeItems } from '../catalogue-helpers';
import { intOption, mapOption } from '../config';
import type { ProviderAdapter, ProviderConfig, ProviderDeps } from '../types';
import { createVtpassBills } from './bill-family';
import { parseVtpassCallback } from './callback';
import { createVtpassClient } from './client';
import { mapVtpassPurchase, mapVtpassRequery, mapVtpassVariations } from './map';
import { vtpassBalance, vtpassReply, vtpassVariations } from './schemas';

const AIRTIME_SERVICES = 'MTN:mtn,GLO:glo,AIRTEL:airtel,9MOBILE:etisalat'; // airtime serviceIDs
const DATA_SERVICES = 'MTN:mtn-data,GLO:glo-data,AIRTEL:airtel-data,9MOBILE:etisalat-data'; // data serviceIDs

export function createVtpassAdapter(
  config: ProviderConfig,
  deps: ProviderDeps,
): ProviderAdapter<'vtpass'> {
  const client = createVtpassClient(config, deps);
  const airtimeServices = mapOption(config, 'airtimeServices', AIRTIME_SERVICES);
  const dataServices = mapOption(config, 'dataServices', DATA_SERVICES);
  const bills = createVtpassBills(config, client);

  return {
    id: 'vtpass',
    currency: 'NGN',

    async listCatalogue() {
      const lists = await Promise.all(
        Object.values(dataServices).map(async (serviceID) => {
          const outcome = await client.get('variations', { serviceID });
          const parsed = vtpassVariations.safeParse(
            readOrThrow(outcome, `vtpass variations ${serviceID}`),
          );
          if (!parsed.success)
            throw new ProviderReadError(`vtpass variations ${serviceID}: unexpected body`, [
              outcome.exchange,
            ]);
          return mapVtpassVariations(serviceID, parsed.data);
        }),
      );
      const min = intOption(config, 'airtimeMinMinor', 5_000);
      const max = intOption(config, 'airtimeMaxMinor', 5_000_000);
      return [
        ...airtimeItems('vtpass', 'NGN', airtimeServices, min, max),
        ...lists.flat(),
        ...(await bills.catalogue()),
      ];
    },

    async buyAirtime(r) {
      const serviceID = r.planCode ?? airtimeServices[r.network.toUpperCase()];
      if (!serviceID)
        return notSent('unsupported_network', `VTpass has no airtime for ${r.network}`);
      const bad = invalidAmount(r.amountMinor);
      if (bad) return bad;
      const body = {
        request_id: r.reference,
        serviceID,
        amount: minorToMajorNumber(r.amountMinor),
        phone: r.phone,
      };
      return mapOutcome(await client.post('pay', body), vtpassReply, mapVtpassPurchase);
    },

    bills: bills.families,

    async buyData(r) {
      const serviceID = dataServices[r.network.toUpperCase()];
      if (!serviceID) return notSent('unsupported_network', `VTpass has no data for ${r.network}`);
      const bad = invalidAmount(r.amountMinor);
      if (bad) return bad;
      const body = {
        request_id: r.reference,
        serviceID,
        billersCode: r.phone,
        variation_code: r.planCode,
        amount: minorToMajorNumber(r.amountMinor),
        phone: r.phone, // amount is ignored for fixed-price plans
      };
      return mapOutcome(await client.post('pay', body), vtpassReply, mapVtpassPurchase);
    },

    async requery(reference) {
      return mapOutcome(
        await client.post('requery', { request_id: reference }),
        vtpassReply,
        mapVtpassRequery,
      );
    },

    async balance() {
      const outcome = await client.get('balance');
      const parsed = vtpassBalance.safeParse(readOrThrow(outcome, 'vtpass balance'));
      const amountMinor = parsed.success
        ? minorOrUndefined(parseDecimalToMinor(parsed.data.contents.balance))
        : undefined;
      if (amountMinor === undefined)
        throw new ProviderReadError('vtpass balance: unexpected body', [outcome.exchange]);
      return { amountMinor, currency: 'NGN', exchanges: [outcome.exchange] };
    },

    parseCallback: parseVtpassCallback,
  };
}
