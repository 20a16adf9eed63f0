import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { clearingAccount, floatAccount } from '@/lib/ledger/accounts';
import { post } from '@/lib/ledger/post';
import { recordProviderBalance } from '@/lib/provider-settings/commands';
import { seedProviderSettings } from '@/lib/provider-settings/seed';
import { createTestDb } from '@/test/world/db';
import { floatMovementByDay, reconcileProviders, settledByProviderDay } from './reconcile';
import { parseLagosDay } from '@/lib/time/lagos';
import { inTransaction } from '@/db/transaction';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedProviderSettings(db, 'http://127.0.0.1:4010');
});
afterEach(() => cleanup());

const DAY1 = parseLagosDay('2025-06-14')!;
const DAY2 = parseLagosDay('2025-06-15')!;
const H = 3_600_000;
let n = 0;

async function move(
  provider: string,
  kind: 'settle_cost' | 'reversal',
  amount: number,
  at: number,
) {
  n += 1;
  await inTransaction(db, async (tx) => {
    const float = await floatAccount(tx, provider);
    const clearing = await clearingAccount(tx, float.currency);
    await post(tx, {
      from: kind === 'settle_cost' ? clearing : float,
      to: kind === 'settle_cost' ? float : clearing,
      amount,
      kind,
      idempotencyKey: `t:${n}`,
      memo: 't',
      now: at,
    });
  });
}

describe('reconciliation per provider and Lagos day', () => {
  it('sums settled costs minus reversals per provider and Lagos day', async () => {
    await move('jonet', 'settle_cost', 1000, DAY1 + 1 * H);
    await move('jonet', 'settle_cost', 2500, DAY1 + 23 * H + 59 * 60_000); // 23:59 Lagos: still day 1
    await move('jonet', 'reversal', 400, DAY1 + 5 * H);
    await move('jonet', 'settle_cost', 700, DAY2); // 00:00 Lagos on day 2 (23:00 UTC on day 1)
    await move('vtpass', 'settle_cost', 300, DAY2 + 2 * H);
    await move('rechargekit', 'settle_cost', 999, DAY2 + 2 * H);
    const rows = await settledByProviderDay(db, DAY1, DAY2 + 24 * H);
    expect(rows).toEqual([
      { provider: 'jonet', day: '2025-06-15', settledMinor: 700, reversedMinor: 0, netMinor: 700 },
      {
        provider: 'rechargekit',
        day: '2025-06-15',
        settledMinor: 999,
        reversedMinor: 0,
        netMinor: 999,
      },
      { provider: 'vtpass', day: '2025-06-15', settledMinor: 300, reversedMinor: 0, netMinor: 300 },
      {
        provider: 'jonet',
        day: '2025-06-14',
        settledMinor: 3500,
        reversedMinor: 400,
        netMinor: 3100,
      },
    ]);
    expect(
      (await settledByProviderDay(db, DAY2, DAY2 + 24 * H)).filter((r) => r.provider === 'jonet'),
    ).toHaveLength(1);
  });

  it('measures the float drop from readings, using the last reading before the day as the opening', () => {
    const snaps = [
      { at: DAY1 + 1 * H, amountMinor: 10_000 },
      { at: DAY1 + 20 * H, amountMinor: 7_000 },
      { at: DAY2 + 10 * H, amountMinor: 6_000 },
      { at: DAY2 + 12 * H, amountMinor: 5_500 },
    ];
    expect(floatMovementByDay(snaps, 'jonet')).toEqual([
      {
        provider: 'jonet',
        day: '2025-06-15',
        spentMinor: 1_500,
        readings: 3,
        firstAt: DAY1 + 20 * H,
        lastAt: DAY2 + 12 * H,
      },
      {
        provider: 'jonet',
        day: '2025-06-14',
        spentMinor: 3_000,
        readings: 2,
        firstAt: DAY1 + 1 * H,
        lastAt: DAY1 + 20 * H,
      },
    ]);
    expect(floatMovementByDay([{ at: DAY1, amountMinor: 1 }], 'jonet')).toEqual([]);
  });

  it('lists a match, a mismatch and an unmeasured day', async () => {
    await recordProviderBalance(db, 'jonet', 10_000, DAY1);
    await move('jonet', 'settle_cost', 1_000, DAY1 + 2 * H);
    await recordProviderBalance(db, 'jonet', 9_000, DAY1 + 3 * H);
    await recordProviderBalance(db, 'jonet', 8_000, DAY2 + 3 * H); // dropped 1,000 with nothing settled on our side
    await move('vtpass', 'settle_cost', 500, DAY2 + 1 * H); // no readings at all
    const rows = await reconcileProviders(db, ['jonet', 'vtpass'], DAY1, DAY2 + 24 * H);
    expect(rows.map((r) => [r.provider, r.day, r.status, r.differenceMinor])).toEqual([
      ['jonet', '2025-06-15', 'mismatch', 1_000],
      ['vtpass', '2025-06-15', 'unmeasured', null],
      ['jonet', '2025-06-14', 'match', 0],
    ]);
  });
});
