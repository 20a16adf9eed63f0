// VTpass bills (electricity and cable TV): the verify answer, the delivered value (token, units,
// customer name) out of pay/requery bodies, and the bouquet list. Everything here is read from
// docs/providers/vtpass-bills.md; every GAP takes the safe reading named beside it.
import { z } from 'zod';
import { billerByVtpassService } from '@/lib/bills/billers';
import { extractToken } from '@/lib/bills/token';
import { minorOrUndefined, parseDecimalToMinor } from '../../money';
import type { BillVerifyResult, CatalogueItem, DeliveredValue, Exchange } from '../types';
import { vtpassVariation, type VtpassReply } from './schemas';

const text = z.union([z.string(), z.number()]).transform(String);
const flag = z.union([z.boolean(), z.string()]).transform((v) => v === true || v === 'true');

/** content of a merchant-verify answer: keys vary by biller and page version (vtpass-bills.md#verify). */
export const vtpassVerifyContent = z.looseObject({
  error: z.string().optional(),
  WrongBillersCode: flag.optional(),
  Customer_Name: text.optional(),
  Address: text.nullish(),
  Meter_Type: z.string().nullish(),
  Customer_Arrears: text.nullish(),
  Minimum_Amount: text.nullish(),
  Min_Purchase_Amount: text.nullish(),
  MAX_Purchase_Amount: text.nullish(),
  Current_Bouquet: z.string().nullish(),
  Current_Bouquet_Code: z.string().nullish(),
  Renewal_Amount: text.nullish(),
  Due_Date: z.string().nullish(),
  DUE_DATE: z.string().nullish(),
});

export const vtpassVerifyReply = z.looseObject({
  code: text,
  response_description: z.string().optional(),
  content: z.unknown().optional(),
});

/** "", "N/A", "0" and unreadable amounts say nothing: null. */
function amountOrNull(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const minor = minorOrUndefined(parseDecimalToMinor(value.trim()));
  return minor === undefined || minor === 0 ? null : minor;
}

const present = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t && t.toUpperCase() !== 'N/A' ? t : null;
};

export function mapVtpassVerify(
  reply: z.infer<typeof vtpassVerifyReply>,
  exchanges: Exchange[],
): BillVerifyResult {
  // Verification codes 011, 012, 030 and any other: nothing is known about the account. 020
  // (BILLER CONFIRMED) is documented but never seen; it reads like 000 (GAP, vtpass-bills.md#codes).
  if (reply.code !== '000' && reply.code !== '020')
    return {
      ok: false,
      kind: 'unavailable',
      message: `${reply.code} ${reply.response_description ?? ''}`.trim(),
      exchanges,
    };
  const parsed = vtpassVerifyContent.safeParse(reply.content);
  if (!parsed.success)
    return { ok: false, kind: 'unavailable', message: 'unreadable verify answer', exchanges };
  const c = parsed.data;
  // A wrong meter comes back as 000 with content.error; WrongBillersCode may be a boolean or "true",
  // and a wrong smartcard has no flag at all (vtpass-bills.md#verify).
  if (c.WrongBillersCode || c.error || !present(c.Customer_Name))
    return {
      ok: false,
      kind: 'wrong_account',
      message: c.error ?? 'Check the number and try again.',
      exchanges,
    };
  const meter = c.Meter_Type?.toLowerCase();
  return {
    ok: true,
    name: present(c.Customer_Name) ?? '',
    address: present(c.Address),
    meterType: meter === 'prepaid' || meter === 'postpaid' ? meter : null,
    arrearsMinor: amountOrNull(c.Customer_Arrears),
    minimumMinor: amountOrNull(c.Minimum_Amount) ?? amountOrNull(c.Min_Purchase_Amount),
    maximumMinor: amountOrNull(c.MAX_Purchase_Amount),
    currentBouquet: present(c.Current_Bouquet),
    currentBouquetCodes: (c.Current_Bouquet_Code ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    renewalAmountMinor: amountOrNull(c.Renewal_Amount),
    dueDate: present(c.Due_Date) ?? present(c.DUE_DATE),
    exchanges,
  };
}

const loose = z.record(z.string(), z.unknown());
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

/**
 * The token, units and customer name a pay, requery or callback body carries, wherever this
 * version of the answer put them (vtpass-bills.md#tokens): top-level `purchased_code`, `token`,
 * `mainToken`, `Token`, then `content.transactions.extras`; units from `units`, `Units`,
 * `mainTokenUnits`, `PurchasedUnits`; a ShowMax voucher from `Voucher` or `purchased_code`.
 * Undefined when it carries none of them.
 */
export function deliveredFromReply(reply: VtpassReply): DeliveredValue | undefined {
  const top = loose.safeParse(reply);
  if (!top.success) return undefined;
  const body = top.data;
  const content = loose.safeParse(body.content);
  const txn = content.success ? loose.safeParse(content.data.transactions) : undefined;
  const extras = txn?.success ? str(txn.data.extras) : null;
  const candidates = [body.purchased_code, body.token, body.mainToken, body.Token, extras].map(str);
  const token =
    candidates.map(extractToken).find((t) => t !== null) ?? voucherOf(body, candidates[0] ?? null);
  const unitsRaw = [body.units, body.Units, body.mainTokenUnits, body.PurchasedUnits]
    .map(str)
    .map(present)
    .find((u) => u !== null);
  const units = unitsRaw ? (/[a-z]/i.test(unitsRaw) ? unitsRaw : `${unitsRaw} kWh`) : null;
  const customerName = present(str(body.customerName));
  if (token === null && units === null && customerName === null) return undefined;
  return { token, units, customerName };
}

/** A voucher (ShowMax): the `Voucher` list, or a purchased_code of capitals and digits with no prefix. */
function voucherOf(body: Record<string, unknown>, purchasedCode: string | null): string | null {
  const list = Array.isArray(body.Voucher) ? body.Voucher.map(str).filter(Boolean) : [];
  if (list[0]) return list[0];
  const code = purchasedCode?.trim() ?? '';
  return /^[A-Z0-9]{8,32}$/.test(code) && /[A-Z]/.test(code) ? code : null;
}

/** TV bouquets from a service-variations list; each bouquet is a fixed-price product of its service. */
export function mapVtpassBouquets(serviceID: string, items: unknown[]): CatalogueItem[] {
  const biller = billerByVtpassService(serviceID);
  if (!biller || biller.type !== 'tv') return [];
  return items.flatMap((raw): CatalogueItem[] => {
    const v = vtpassVariation.safeParse(raw);
    const priceMinor = v.success
      ? minorOrUndefined(parseDecimalToMinor(v.data.variation_amount))
      : undefined;
    // A zero-price variation (Startimes "ewallet" top-up) is a free amount, not a bouquet: not sold yet.
    if (!v.success || !priceMinor) return [];
    return [
      {
        provider: 'vtpass',
        currency: 'NGN',
        network: biller.id,
        type: 'tv',
        planCode: v.data.variation_code,
        name: v.data.name,
        priceMinor,
        raw,
      },
    ];
  });
}
