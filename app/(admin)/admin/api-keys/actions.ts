'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { ok } from '@/lib/actions/result';
import { revokeApiKey } from '@/lib/api/keys';
import { apiKeyIdSchema } from '@/lib/validations/api-keys';

/** Any agent's key (audited with the admin as actor). */
export const adminRevokeApiKeyAction = action('admin', apiKeyIdSchema, async (input, { actor }) => {
  await revokeApiKey(getDb(), actor, input.keyId, null);
  revalidatePath('/admin/api-keys');
  return ok(undefined, 'Key revoked.');
});
