import type { Db } from '@/db';
import { accountIsPhone, billersOf, type BillType, type MeterType } from '@/lib/bills/billers';
import { meterTypeOf } from '@/lib/bills/verify';
import { commissionBps } from './pricing';
import { listProducts } from './queries';

/** One bill product as the browser sees it: an electricity (company, meter type) or a TV bouquet. */
export interface BillProduct {
  id: number;
  /** The biller id (lib/bills/billers.ts). */
  network: string;
  name: string;
  /** Electricity only. */
  meterType: MeterType | null;
  /** A bouquet's fixed price; null for an electricity product (free amount). */
  priceMinor: number | null;
  minMinor: number | null;
  maxMinor: number | null;
}

export interface BillFormData {
  type: BillType;
  /** Billers with something on sale now, in the catalogue's order. */
  billers: { id: string; label: string; accountIsPhone: boolean }[];
  products: BillProduct[];
  /** Commission in basis points per biller for this agent. */
  commissionBps: Record<string, number>;
}

/** Everything the electricity or TV form needs, read once on the server; bills are sold in naira. */
export async function billFormData(db: Db, agentId: number, type: BillType): Promise<BillFormData> {
  const products: BillProduct[] = await Promise.all(
    (await listProducts(db, { currency: 'NGN', type })).map(async (p) => ({
      id: p.id,
      network: p.network,
      name: p.name,
      meterType: await meterTypeOf(db, p),
      priceMinor: p.priceMinor,
      minMinor: p.minMinor,
      maxMinor: p.maxMinor,
    })),
  );
  const onSale = new Set(products.map((p) => p.network));
  const billers = billersOf(type)
    .filter((b) => onSale.has(b.id))
    .map((b) => ({ id: b.id, label: b.label, accountIsPhone: accountIsPhone(b.id) }));
  return {
    type,
    billers,
    products,
    commissionBps: Object.fromEntries(
      await Promise.all(
        billers.map(async (b) => [b.id, await commissionBps(db, agentId, 'NGN', b.id, type)]),
      ),
    ),
  };
}
