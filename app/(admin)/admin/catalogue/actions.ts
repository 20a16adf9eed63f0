'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { ok } from '@/lib/actions/result';
import { syncCatalogueNow } from '@/lib/admin/catalogue';

export const syncCatalogueAction = action('admin', z.object({}), async (_input, { actor }) => {
  const outcomes = await syncCatalogueNow(getDb(), actor);
  revalidatePath('/admin/catalogue');
  const summary = outcomes
    .map((o) =>
      'error' in o
        ? `${o.provider}: failed (${o.error})`
        : `${o.provider}: ${o.seen} seen, ${o.added} new, ${o.priceChanges} price changes, ${o.withdrawn} withdrawn`,
    )
    .join('; ');
  return ok(undefined, summary || 'No enabled provider to sync.');
});
