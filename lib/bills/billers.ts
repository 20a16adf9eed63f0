// The one list of billers: every electricity distribution company (DISCO) and TV service the portal
// sells, with its label and VTpass serviceID (docs/providers/vtpass-bills.md#service-ids). For a bill,
// a product's `network` is the biller id below, so routing, commission and health treat it as a network.
import type { ProductType } from '@/lib/providers/types';

export type BillType = Extract<ProductType, 'electricity' | 'tv'>;

export interface Biller {
  id: string;
  type: BillType;
  label: string;
  /** VTpass serviceID; the meter type is never appended to it (it goes in `type` / `variation_code`). */
  vtpassServiceId: string;
}

const biller = (type: BillType, id: string, label: string, vtpassServiceId: string): Biller => ({
  id,
  type,
  label,
  vtpassServiceId,
});

export const BILLERS: readonly Biller[] = [
  biller('electricity', 'IKEDC', 'Ikeja Electric', 'ikeja-electric'),
  biller('electricity', 'EKEDC', 'Eko Electric', 'eko-electric'),
  biller('electricity', 'KEDCO', 'Kano Electric', 'kano-electric'),
  biller('electricity', 'PHED', 'Port Harcourt Electric', 'portharcourt-electric'),
  biller('electricity', 'JED', 'Jos Electric', 'jos-electric'),
  biller('electricity', 'IBEDC', 'Ibadan Electric', 'ibadan-electric'),
  biller('electricity', 'KAEDCO', 'Kaduna Electric', 'kaduna-electric'),
  biller('electricity', 'AEDC', 'Abuja Electric', 'abuja-electric'),
  biller('electricity', 'EEDC', 'Enugu Electric', 'enugu-electric'),
  biller('electricity', 'BEDC', 'Benin Electric', 'benin-electric'),
  biller('electricity', 'ABA', 'Aba Power', 'aba-electric'),
  biller('electricity', 'YEDC', 'Yola Electric', 'yola-electric'),
  biller('tv', 'DSTV', 'DStv', 'dstv'),
  biller('tv', 'GOTV', 'GOtv', 'gotv'),
  biller('tv', 'STARTIMES', 'Startimes', 'startimes'),
  biller('tv', 'SHOWMAX', 'Showmax', 'showmax'),
];

export const METER_TYPES = ['prepaid', 'postpaid'] as const;
export type MeterType = (typeof METER_TYPES)[number];

export const SUBSCRIPTION_TYPES = ['renew', 'change'] as const;
export type SubscriptionType = (typeof SUBSCRIPTION_TYPES)[number];

const byId = new Map(BILLERS.map((b) => [b.id, b]));
const byVtpassService = new Map(BILLERS.map((b) => [b.vtpassServiceId, b]));

export function findBiller(id: string): Biller | undefined {
  return byId.get(id);
}

export function billerByVtpassService(serviceID: string): Biller | undefined {
  return byVtpassService.get(serviceID);
}

/** The biller's name as agents know it; an unknown id is shown as is. */
export function billerLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}

export function isBillType(type: string): type is BillType {
  return type === 'electricity' || type === 'tv';
}

/** The product family: airtime and data are top-ups of a phone, the others are bills of an account. */
export function familyOf(type: ProductType): 'topup' | 'bill' {
  return isBillType(type) ? 'bill' : 'topup';
}

export function billersOf(type: BillType): Biller[] {
  return BILLERS.filter((b) => b.type === type);
}

/** ShowMax has no smartcard: its account is the customer's phone, and it has no verify step. */
export function accountIsPhone(billerId: string): boolean {
  return billerId === 'SHOWMAX';
}
