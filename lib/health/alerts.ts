import { z } from 'zod';
import { readSetting, writeSetting } from '@/lib/admin/settings';
import type { Tx } from '@/db/transaction';

/** Alerts raised by background jobs for the admin dashboard, newest first, kept short. */
const alertSchema = z.array(
  z.object({
    at: z.number().int(),
    kind: z.string(),
    provider: z.string().optional(),
    message: z.string(),
  }),
);
export type StoredAlert = z.infer<typeof alertSchema>[number];

const KEY = 'admin.alerts';
const MAX_ALERTS = 50;

export async function listStoredAlerts(tx: Tx, since = 0): Promise<StoredAlert[]> {
  return (await readSetting(tx, KEY, alertSchema, [])).filter((a) => a.at >= since);
}

export async function raiseAlert(tx: Tx, alert: StoredAlert): Promise<void> {
  await writeSetting(
    tx,
    KEY,
    [alert, ...(await readSetting(tx, KEY, alertSchema, []))].slice(0, MAX_ALERTS),
  );
}
