import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { settings } from '@/db/schema';
import type { Tx } from '@/db/transaction';
import { first } from '@/db/query';

/**
 * Small key/value configuration in the `settings` table. A stored value that no longer parses
 * falls back to the default instead of breaking the page that reads it.
 */
export async function readSetting<S extends z.ZodType>(
  tx: Tx,
  key: string,
  schema: S,
  fallback: z.infer<S>,
): Promise<z.infer<S>> {
  const row = await first(tx.select().from(settings).where(eq(settings.key, key)));
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

export async function writeSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}
