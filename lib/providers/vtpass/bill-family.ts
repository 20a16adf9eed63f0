// VTpass electricity and TV as bill families of the one adapter (docs/providers/vtpass-bills.md):
// verify with merchant-verify, pay with /pay, requery with the bills code table, bouquets from
// service-variations. The serviceID of each biller comes from lib/bills/billers.ts.
import { billersOf, findBiller } from '@/lib/bills/billers';
import { invalidAmount, mapOutcome, notSent, ambiguousResult, readOrThrow } from '../ambiguity';
import { ProviderReadError } from '../ambiguity';
import { minorToMajorNumber } from '../../money';
import { intOption, option } from '../config';
import type {
  BillFamily,
  BillRequest,
  BillVerifyRequest,
  BillVerifyResult,
  CatalogueItem,
  ProviderConfig,
  ProviderResult,
} from '../types';
import type { VtpassClient } from './client';
import { mapVtpassBouquets, mapVtpassVerify, vtpassVerifyReply } from './bills';
import { mapVtpassPurchase, mapVtpassRequery, vtpassBillCodes } from './map';
import { vtpassReply, vtpassVariations } from './schemas';

export interface VtpassBills {
  families: { electricity: BillFamily; tv: BillFamily };
  catalogue(): Promise<CatalogueItem[]>;
  requery(reference: string): Promise<ProviderResult>;
}

export function createVtpassBills(config: ProviderConfig, client: VtpassClient): VtpassBills {
  const codes = vtpassBillCodes(option(config, 'billCode044', 'PENDING'));
  // No naira minimum is published for any DISCO (GAP, vtpass-bills.md#codes): ₦500 until the meter's
  // verify says more, configurable per deployment.
  const electricityMin = intOption(config, 'electricityMinMinor', 50_000);
  const electricityMax = intOption(config, 'electricityMaxMinor', 50_000_000);
  // Which billers this deployment sells through VTpass (comma-separated ids; empty: none), like
  // `dataServices` for data: every biller of lib/bills/billers.ts by default.
  const sold = (type: 'electricity' | 'tv') => {
    const all = billersOf(type);
    const listed = option(config, `${type}Billers`, all.map((b) => b.id).join(','))
      .split(',')
      .map((s) => s.trim().toUpperCase());
    return all.filter((b) => listed.includes(b.id));
  };

  async function verify(r: BillVerifyRequest): Promise<BillVerifyResult> {
    const biller = findBiller(r.biller);
    if (!biller)
      return { ok: false, kind: 'unavailable', message: 'unknown biller', exchanges: [] };
    const body: Record<string, unknown> = {
      billersCode: r.account,
      serviceID: biller.vtpassServiceId,
      // TV verify has no `type` field (vtpass-bills.md#tv-verify).
      ...(r.type === 'electricity' && { type: r.planCode ?? 'prepaid' }),
    };
    const outcome = await client.post('verify', body);
    const exchanges = [outcome.exchange];
    const ambiguous = ambiguousResult(outcome, exchanges);
    if (ambiguous || outcome.kind !== 'response')
      return { ok: false, kind: 'unavailable', message: ambiguous?.providerCode ?? '', exchanges };
    const parsed = vtpassVerifyReply.safeParse(outcome.json);
    if (!parsed.success)
      return { ok: false, kind: 'unavailable', message: 'unexpected body', exchanges };
    return mapVtpassVerify(parsed.data, exchanges);
  }

  async function buy(r: BillRequest): Promise<ProviderResult> {
    const biller = findBiller(r.biller);
    if (!biller || biller.type !== r.type)
      return notSent('unsupported_biller', `VTpass has no ${r.type} for ${r.biller}`);
    const bad = invalidAmount(r.amountMinor);
    if (bad) return bad;
    const base = {
      request_id: r.reference,
      serviceID: biller.vtpassServiceId,
      billersCode: r.account,
      amount: minorToMajorNumber(r.amountMinor),
      phone: r.phone,
    };
    const body: Record<string, unknown> =
      r.type === 'electricity'
        ? { ...base, variation_code: r.planCode }
        : tvBody(biller.id, base, r);
    return mapOutcome(await client.post('pay', body), vtpassReply, (reply, exchanges) =>
      mapVtpassPurchase(reply, exchanges, codes),
    );
  }

  async function requery(reference: string): Promise<ProviderResult> {
    return mapOutcome(
      await client.post('requery', { request_id: reference }),
      vtpassReply,
      (reply, exchanges) => mapVtpassRequery(reply, exchanges, codes),
    );
  }

  async function catalogue(): Promise<CatalogueItem[]> {
    const electricity = sold('electricity').flatMap((b) =>
      (['prepaid', 'postpaid'] as const).map((meterType): CatalogueItem => ({
        provider: 'vtpass',
        currency: 'NGN',
        network: b.id,
        type: 'electricity',
        planCode: meterType,
        name: `${b.label} ${meterType}`,
        minMinor: electricityMin,
        maxMinor: electricityMax,
        raw: { serviceID: b.vtpassServiceId, meterType },
      })),
    );
    const tv = await Promise.all(
      sold('tv').map(async (b) => {
        const outcome = await client.get('variations', { serviceID: b.vtpassServiceId });
        const parsed = vtpassVariations.safeParse(
          readOrThrow(outcome, `vtpass variations ${b.vtpassServiceId}`),
        );
        if (!parsed.success)
          throw new ProviderReadError(`vtpass variations ${b.vtpassServiceId}: unexpected body`, [
            outcome.exchange,
          ]);
        return mapVtpassBouquets(b.vtpassServiceId, parsed.data);
      }),
    );
    return [...electricity, ...tv.flat()];
  }

  const ids = (type: 'electricity' | 'tv') => sold(type).map((b) => b.id);
  return {
    families: {
      electricity: { billers: ids('electricity'), verify, buy, requery },
      tv: { billers: ids('tv'), verify, buy, requery },
    },
    catalogue,
    requery,
  };
}

/**
 * DStv/GOtv take `subscription_type` (renew: the renewal amount, no variation code; change: the
 * bouquet and months); Startimes has neither; ShowMax's account is the phone (vtpass-bills.md#tv-pay).
 */
function tvBody(
  billerId: string,
  base: Record<string, unknown>,
  r: BillRequest,
): Record<string, unknown> {
  if (billerId === 'DSTV' || billerId === 'GOTV') {
    return r.subscriptionType === 'renew'
      ? { ...base, subscription_type: 'renew' }
      : {
          ...base,
          variation_code: r.planCode,
          subscription_type: 'change',
          quantity: r.quantity ?? 1,
        };
  }
  return { ...base, variation_code: r.planCode };
}
