import { awaitingToken, deliveredOf, type Delivered } from '@/lib/bills/delivered';
import type { Purchase } from './open';

/** What the agent sees after a sale: the same shape for the first answer and for every replay. */
export interface SaleOutcome {
  purchaseId: number;
  status: Purchase['status'];
  reference: string;
  provider: string;
  providerRef: string | null;
  operatorRef: string | null;
  phone: string;
  network: string;
  currency: Purchase['currency'];
  amountMinor: number;
  agentCostMinor: number;
  commissionMinor: number;
  /** The token, units and name a bill delivered; null for a sale that delivers none (yet). */
  delivered: Delivered | null;
  /** A bill settled as delivered whose token has not come yet: the portal keeps asking for it. */
  awaitingToken: boolean;
}

export function toOutcome(p: Purchase): SaleOutcome {
  return {
    purchaseId: p.id,
    status: p.status,
    reference: p.reference,
    provider: p.provider,
    providerRef: p.providerRef,
    operatorRef: p.operatorRef,
    phone: p.phone,
    network: p.network,
    currency: p.currency,
    amountMinor: p.amountMinor,
    agentCostMinor: p.agentCostMinor,
    commissionMinor: p.commissionMinor,
    delivered: deliveredOf(p),
    awaitingToken: awaitingToken(p),
  };
}
