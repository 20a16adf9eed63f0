import { z } from 'zod';
import { readSetting, writeSetting } from '@/lib/admin/settings';
import { recordAudit, type Actor } from '@/lib/audit/record';
import type { Db } from '@/db';
import { inTransaction, type Tx } from '@/db/transaction';

/** Auto-pause rule: a provider is paused when its last-hour success rate is below the threshold over at least minSales answered sales. */
export const healthConfigSchema = z.object({
  enabled: z.boolean(),
  thresholdPercent: z.number().int().min(1).max(100),
  minSales: z.number().int().min(1).max(100_000),
});
export type HealthConfig = z.infer<typeof healthConfigSchema>;

export const DEFAULT_HEALTH_CONFIG: HealthConfig = {
  enabled: true,
  thresholdPercent: 60,
  minSales: 10,
};
const KEY = 'health.auto_pause';

export async function getHealthConfig(tx: Tx): Promise<HealthConfig> {
  return await readSetting(tx, KEY, healthConfigSchema, DEFAULT_HEALTH_CONFIG);
}

export async function setHealthConfig(
  db: Db,
  actor: Actor,
  config: HealthConfig,
  now = Date.now(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await getHealthConfig(tx);
    await writeSetting(tx, KEY, config);
    await recordAudit(
      tx,
      actor,
      {
        action: 'health.config',
        targetType: 'setting',
        targetId: KEY,
        detail: { from: before, to: config },
      },
      now,
    );
  });
}
