// Per-reference sale state shared by the four wire handlers: duplicate detection, scripted resolution
// (pending -> success/failed, success -> reversed) on timers, and a hook that fires provider callbacks.
// With a data file the book survives a restart, as a real provider's records do: every change is appended
// as one JSON line and replayed on start; resolutions still due are scheduled again.
// A test that must see a sale's transient state (pending, or success before a reversal) holds its later
// resolution (`hold`) and lets it happen when it chooses (`release`), instead of racing the timer.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { costAtBps } from '../lib/money';
import { DEMO_COST_BPS } from '../lib/providers/simulator-terms';
import type { ProviderId } from '../lib/providers/registry';
import { scenarioForPhone, type Scenario } from './scenarios';

export type SaleState = 'PENDING' | 'SUCCESS' | 'FAILED' | 'REVERSED';

export interface Sale {
  provider: ProviderId;
  reference: string;
  /** The number the magic endings and holds read: the phone, or for a bill the account. */
  phone: string;
  network: string;
  service: 'airtime' | 'data' | 'electricity' | 'tv';
  /** A bill's own fields (VTpass): the serviceID and the customer's phone sent with it. */
  bill?: { serviceID: string; customerPhone: string; quantity?: number; subscriptionType?: string };
  /** Set once a later resolution happened (a `64` sale's token comes with it). */
  laterDone?: boolean;
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

export type NewSale = Pick<
  Sale,
  'provider' | 'reference' | 'phone' | 'network' | 'service' | 'planCode' | 'amountMinor' | 'bill'
>;

const INITIAL_STATE: Record<Scenario, SaleState | null> = {
  success: 'SUCCESS',
  'pending-success': 'PENDING',
  'pending-fail': 'PENDING',
  timeout: 'SUCCESS',
  reset: null,
  garbage: 'SUCCESS',
  'garbage-json': 'SUCCESS',
  'duplicate-first': 'SUCCESS',
  reversal: 'SUCCESS',
  'pending-forever': 'PENDING',
  fail: 'FAILED',
  'not-processed': null,
  'fail-then-deliver': 'FAILED',
  'token-on-requery': 'SUCCESS',
  'token-later': 'SUCCESS',
};
const LATER_STATE: Partial<Record<Scenario, SaleState>> = {
  'pending-success': 'SUCCESS',
  'pending-fail': 'FAILED',
  reversal: 'REVERSED',
  'fail-then-deliver': 'SUCCESS',
  // Still delivered: what changes is that the token is now in the answers (and a callback says so).
  'token-later': 'SUCCESS',
};

type Change =
  | { op: 'sale'; sale: Sale }
  | { op: 'state'; provider: ProviderId; reference: string; state: SaleState };

export class SaleBook {
  private readonly sales = new Map<string, Sale>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly balances = new Map<ProviderId, number>();
  /** Phones whose later resolutions wait for `release`, and every sale (`true`) when `holdAll` is set. */
  private readonly heldPhones = new Set<string>();
  private holdAll = false;
  /** Resolutions still to come, by sale key; `timer` is gone once it fired while the sale was held. */
  private readonly due = new Map<string, { sale: Sale; next: SaleState; timer?: NodeJS.Timeout }>();

  constructor(
    private readonly opts: {
      now: () => Date;
      pendingResolveMs: number;
      onResolved: (sale: Sale) => void;
      startingBalanceMinor: Record<ProviderId, number>;
      /** Where the book is kept across restarts; in memory only when unset. */
      dataFile?: string;
    },
  ) {
    if (opts.dataFile) this.load(opts.dataFile);
  }

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
      ...input,
      state,
      scenario,
      createdAt: this.opts.now(),
      providerRef: randomUUID().replace(/-/g, '').slice(0, 20),
      operatorRef: `OP${Date.now().toString(36).toUpperCase()}`,
    };
    this.record(sale);
    this.append({ op: 'sale', sale });
    const later = LATER_STATE[scenario];
    if (later) this.schedule(sale, later, this.opts.pendingResolveMs);
    if (scenario === 'duplicate-first') return { kind: 'duplicate', sale };
    return {
      kind: 'sale',
      sale,
      transport:
        scenario === 'timeout' || scenario === 'garbage' || scenario === 'garbage-json'
          ? scenario
          : 'normal',
    };
  }

  /** Holds the later resolution of this phone's sales (or of every sale: 'all') until `release`. */
  hold(target: string): void {
    if (target === 'all') this.holdAll = true;
    else this.heldPhones.add(target);
  }

  /**
   * Ends a hold, and every resolution still to come for the sales it names happens now, before this
   * returns, due or not, so a test never waits for the timer: a phone's or a reference's sales, or with
   * 'all' every hold and every sale. Works without a hold too: it then just brings the resolution forward.
   */
  release(target: string): Sale[] {
    if (target === 'all') {
      this.holdAll = false;
      this.heldPhones.clear();
    } else {
      this.heldPhones.delete(target);
    }
    const resolved: Sale[] = [];
    for (const [key, due] of this.due) {
      const covered =
        target === 'all' || due.sale.phone === target || due.sale.reference === target;
      if (!covered) continue;
      if (due.timer) this.clear(due.timer);
      this.due.delete(key);
      this.resolve(due.sale, due.next);
      resolved.push(due.sale);
    }
    return resolved;
  }

  /** What is held now, for the control route. */
  holds(): { all: boolean; phones: string[]; waiting: string[] } {
    return {
      all: this.holdAll,
      phones: [...this.heldPhones],
      waiting: [...this.due.values()].filter((d) => !d.timer).map((d) => d.sale.reference),
    };
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.due.clear();
  }

  private record(sale: Sale): void {
    this.sales.set(`${sale.provider}:${sale.reference}`, sale);
    // The float falls by what the provider charges us (the simulator's commercial terms), not the face value.
    if (sale.state !== 'FAILED')
      this.adjust(sale.provider, -costAtBps(sale.amountMinor, DEMO_COST_BPS[sale.provider]));
  }

  private transition(sale: Sale, next: SaleState): void {
    const wasCharged = sale.state !== 'FAILED';
    sale.state = next;
    sale.laterDone = true;
    const cost = costAtBps(sale.amountMinor, DEMO_COST_BPS[sale.provider]);
    if (next === 'FAILED' || next === 'REVERSED') this.adjust(sale.provider, cost);
    if (next === 'SUCCESS' && !wasCharged) this.adjust(sale.provider, -cost); // 62: the failure turned into a delivery
  }

  private isHeld(sale: Sale): boolean {
    return this.holdAll || this.heldPhones.has(sale.phone);
  }

  private schedule(sale: Sale, next: SaleState, delayMs: number): void {
    const key = `${sale.provider}:${sale.reference}`;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // Held: the resolution waits for `release`, however long past its time that is.
      if (this.isHeld(sale)) return void this.due.set(key, { sale, next });
      this.due.delete(key);
      this.resolve(sale, next);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
    this.due.set(key, { sale, next, timer });
  }

  private clear(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  private resolve(sale: Sale, next: SaleState): void {
    this.transition(sale, next);
    this.append({ op: 'state', provider: sale.provider, reference: sale.reference, state: next });
    this.opts.onResolved(sale);
  }

  private append(change: Change): void {
    if (this.opts.dataFile) fs.appendFileSync(this.opts.dataFile, `${JSON.stringify(change)}\n`);
  }

  private load(file: string): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    // A line cut short by a kill must not swallow the next change appended after it.
    if (text && !text.endsWith('\n')) fs.appendFileSync(file, '\n');
    const lines = text.split('\n');
    for (const line of lines) {
      let change: Change;
      try {
        change = JSON.parse(line) as Change;
      } catch {
        continue; // an empty line, or the last one cut short by a kill mid-write
      }
      if (change.op === 'sale') {
        this.record({ ...change.sale, createdAt: new Date(change.sale.createdAt) });
      } else {
        const sale = this.get(change.provider, change.reference);
        if (sale) this.transition(sale, change.state);
      }
    }
    // Resolutions that were still due when the simulator stopped happen on time (or at once if overdue).
    for (const sale of this.sales.values()) {
      const later = LATER_STATE[sale.scenario];
      const due =
        (later === 'REVERSED'
          ? sale.state === 'SUCCESS'
          : sale.scenario === 'token-later'
            ? !sale.laterDone
            : sale.state === 'PENDING') && later;
      if (due)
        this.schedule(
          sale,
          due,
          Math.max(
            0,
            sale.createdAt.getTime() + this.opts.pendingResolveMs - this.opts.now().getTime(),
          ),
        );
    }
  }

  private adjust(provider: ProviderId, deltaMinor: number): void {
    this.balances.set(provider, this.balance(provider) + deltaMinor);
  }
}
