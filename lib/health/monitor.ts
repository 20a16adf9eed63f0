import { eq, and, isNull } from 'drizzle-orm';
import { written } from '@/db/query';
import { getDb, type Db } from '@/db';
import { providerSettings } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { SYSTEM_ACTOR, recordAudit } from '@/lib/audit/record';
import { refreshFloatBalances } from '@/lib/provider-settings/test-connection';
import { listProviderSettings } from '@/lib/provider-settings/queries';
import type { ProviderId } from '@/lib/providers/registry';
import { raiseAlert } from './alerts';
import { getHealthConfig } from './config';
import { HOUR_MS } from '@/lib/time/units';
import { providerHealth } from './stats';

export interface PauseDecision {
  provider: string;
  successRate: number;
  answered: number;
}

/**
 * Pauses each unpaused provider whose last-hour success rate is below the threshold over at least
 * the minimum number of answered sales, with an audit row and a dashboard alert, in one immediate
 * transaction per provider. Routing skips paused providers; only an admin resumes one.
 */
export async function evaluateProviderHealth(db: Db, now = Date.now()): Promise<PauseDecision[]> {
  const config = await getHealthConfig(db);
  if (!config.enabled) return [];
  const paused: PauseDecision[] = [];
  for (const h of await providerHealth(db, now, HOUR_MS)) {
    if (h.successRate === null || h.answered < config.minSales) continue;
    if (h.successRate * 100 >= config.thresholdPercent) continue;
    const percent = Math.round(h.successRate * 100);
    const reason = `Success rate ${percent}% over ${h.answered} sales in the last hour (below ${config.thresholdPercent}%)`;
    const done = await inTransaction(db, async (tx) => {
      // Conditional: two monitors (or a resume racing a pause) never double-pause or double-alert.
      const changed = await written(
        tx
          .update(providerSettings)
          .set({ pausedAt: now, pausedReason: reason })
          .where(
            and(
              eq(providerSettings.id, h.provider as ProviderId),
              isNull(providerSettings.pausedAt),
            ),
          ),
      );
      if (changed !== 1) return false;
      await recordAudit(
        tx,
        SYSTEM_ACTOR,
        {
          action: 'provider.auto_pause',
          targetType: 'provider',
          targetId: h.provider,
          detail: {
            successRate: h.successRate,
            answered: h.answered,
            threshold: config.thresholdPercent,
            minSales: config.minSales,
          },
        },
        now,
      );
      await raiseAlert(tx, {
        at: now,
        kind: 'auto_pause',
        provider: h.provider,
        message: `${h.provider} was paused: ${reason}.`,
      });
      return true;
    });
    if (done)
      paused.push({ provider: h.provider, successRate: h.successRate, answered: h.answered });
  }
  return paused;
}

const globalForMonitor = globalThis as unknown as { portalHealthMonitor?: NodeJS.Timeout };

/**
 * Runs the health check every minute and refreshes float readings every ten; idempotent (one timer
 * per process) and unref'd so it never keeps the process alive. Returns a stop function.
 */
export function startHealthMonitor(
  options: { db?: Db; intervalMs?: number; floatEvery?: number } = {},
): () => void {
  const stop = () => {
    if (globalForMonitor.portalHealthMonitor) clearInterval(globalForMonitor.portalHealthMonitor);
    globalForMonitor.portalHealthMonitor = undefined;
  };
  if (globalForMonitor.portalHealthMonitor) return stop;
  const intervalMs = options.intervalMs ?? 60_000;
  const floatEvery = options.floatEvery ?? 10;
  let ticks = 0;
  const tick = async () => {
    const db = options.db ?? getDb();
    try {
      await evaluateProviderHealth(db, Date.now());
    } catch (error) {
      console.error('[health] evaluation failed', error);
    }
    if (ticks++ % floatEvery === 0) {
      const enabled = (await listProviderSettings(db)).filter((p) => p.enabled).map((p) => p.id);
      refreshFloatBalances(db, enabled).catch((error) =>
        console.error('[health] float refresh failed', error),
      );
    }
  };
  globalForMonitor.portalHealthMonitor = setInterval(
    () => void tick().catch((error) => console.error('[health] tick failed', error)),
    intervalMs,
  );
  globalForMonitor.portalHealthMonitor.unref();
  return stop;
}
