// Per-reference sale state shared by the four wire handlers: duplicate detection, scripted resolution
// (pending -> success/failed, success -> reversed) on timers, and a hook that fires provider callbacks.
import { randomUUID } from 'node:crypto';
import { costAt, DEMO_COST_BPS } from '../lib/providers/demo-contract';
import type { ProviderId } from '../lib/providers/types';
import { scenarioForPhone, type Scenario } from './scenarios';

export type SaleState = 'PENDING' | 'SUCCESS' | 'FAILED' | 'REVERSED';

export interface Sale {
  provider: ProviderId;
  reference: string;
  phone: string;
  network: string;
  service: 'airtime' | 'data';
  planCode?: string;
  amountMinor: number;
  state: SaleState;
  scenario: Scenario;
  providerRef: string;
  operatorRef: string;
  createdAt: Date;
}

export type PurchaseDecision =
  | { kind: 'duplicate'; sale: Sale } // reference reused, or scenario 56 on its first call
  | { kind: 'not-processed' } // 60: nothing recorded
  | { kind: 'reset' } // 54: nothing recorded
  | { kind: 'sale'; sale: Sale; transport: 'normal' | 'timeout' | 'garbage' | 'garbage-json' };

export type NewSale = Pick<Sale, 'provider' | 'reference' | 'phone' | 'network' | 'service' | 'planCode' | 'amountMinor'>;

const INITIAL_STATE: Record<Scenario, SaleState | null> = {
  success: 'SUCCESS', 'pending-success': 'PENDING', 'pending-fail': 'PENDING', timeout: 'SUCCESS', reset: null,
  garbage: 'SUCCESS', 'garbage-json': 'SUCCESS', 'duplicate-first': 'SUCCESS', reversal: 'SUCCESS', 'pending-forever': 'PENDING', fail: 'FAILED', 'not-processed': null,
  'fail-then-deliver': 'FAILED',
};
const LATER_STATE: Partial<Record<Scenario, SaleState>> = {
  'pending-success': 'SUCCESS', 'pending-fail': 'FAILED', reversal: 'REVERSED', 'fail-then-deliver': 'SUCCESS',
};

export class SaleBook {
  private readonly sales = new Map<string, Sale>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly balances = new Map<ProviderId, number>();

  constructor(
    private readonly opts: { now: () => Date; pendingResolveMs: number; onResolved: (sale: Sale) => void; startingBalanceMinor: Record<ProviderId, number> },
  ) {}

  get(provider: ProviderId, reference: string): Sale | undefined {
    return this.sales.get(`${provider}:${reference}`);
  }

  list(): Sale[] {
    return [...this.sales.values()];
  }

  balance(provider: ProviderId): number {
    return this.balances.get(provider) ?? this.opts.startingBalanceMinor[provider];
  }

  purchase(input: NewSale): PurchaseDecision {
    const existing = this.get(input.provider, input.reference);
    if (existing) return { kind: 'duplicate', sale: existing };
    const scenario = scenarioForPhone(input.phone, input.provider);
    const state = INITIAL_STATE[scenario];
    if (state === null) return { kind: scenario === 'reset' ? 'reset' : 'not-processed' };
    const sale: Sale = {
      ...input, state, scenario, createdAt: this.opts.now(),
      providerRef: randomUUID().replace(/-/g, '').slice(0, 20), operatorRef: `OP${Date.now().toString(36).toUpperCase()}`,
    };
    this.sales.set(`${input.provider}:${input.reference}`, sale);
    // The float falls by what the provider charges us (the demo contract), not the face value.
    if (state !== 'FAILED') this.adjust(sale.provider, -costAt(sale.amountMinor, DEMO_COST_BPS[sale.provider]));
    const later = LATER_STATE[scenario];
    if (later) this.schedule(sale, later);
    if (scenario === 'duplicate-first') return { kind: 'duplicate', sale };
    return { kind: 'sale', sale, transport: scenario === 'timeout' || scenario === 'garbage' || scenario === 'garbage-json' ? scenario : 'normal' };
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(sale: Sale, next: SaleState): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const wasCharged = sale.state !== 'FAILED';
      sale.state = next;
      const cost = costAt(sale.amountMinor, DEMO_COST_BPS[sale.provider]);
      if (next === 'FAILED' || next === 'REVERSED') this.adjust(sale.provider, cost);
      if (next === 'SUCCESS' && !wasCharged) this.adjust(sale.provider, -cost); // 62: the failure turned into a delivery
      this.opts.onResolved(sale);
    }, this.opts.pendingResolveMs);
    timer.unref();
    this.timers.add(timer);
  }

  private adjust(provider: ProviderId, deltaMinor: number): void {
    this.balances.set(provider, this.balance(provider) + deltaMinor);
  }
}
