import { z } from 'zod';
import { readSetting, writeSetting } from '@/lib/admin/settings';
import type { Tx } from '@/db/transaction';

/** Float readings kept per provider in `settings` (newest last), capped so the row stays small. */
export const MAX_SNAPSHOTS = 500;

const snapshotSchema = z.array(z.object({ at: z.number().int(), amountMinor: z.number().int() }));
export type BalanceSnapshot = z.infer<typeof snapshotSchema>[number];

const keyFor = (provider: string) => `float_snapshots:${provider}`;

export async function listBalanceSnapshots(tx: Tx, provider: string): Promise<BalanceSnapshot[]> {
  return await readSetting(tx, keyFor(provider), snapshotSchema, []);
}

export async function recordBalanceSnapshot(
  tx: Tx,
  provider: string,
  amountMinor: number,
  at: number,
): Promise<void> {
  const next = [...(await listBalanceSnapshots(tx, provider)), { at, amountMinor }]
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_SNAPSHOTS);
  await writeSetting(tx, keyFor(provider), next);
}
