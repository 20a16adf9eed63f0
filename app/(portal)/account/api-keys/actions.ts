'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { ok } from '@/lib/actions/result';
import { createApiKey, revokeApiKey } from '@/lib/api/keys';
import { apiKeyIdSchema, newApiKeySchema } from '@/lib/validations/api-keys';

/** The key comes back once, in this answer; the database keeps only its hash. */
export const createApiKeyAction = action(
  'agent',
  newApiKeySchema,
  async (input, { user, actor }) => {
    const { key, row } = await createApiKey(getDb(), actor, user.id, {
      name: input.name,
      scopes: input.scopes,
      allowedIps: input.allowedIps ?? [],
    });
    revalidatePath('/account/api-keys');
    return ok({ key, prefix: row.prefix, name: row.name });
  },
);

export const revokeApiKeyAction = action(
  'agent',
  apiKeyIdSchema,
  async (input, { user, actor }) => {
    await revokeApiKey(getDb(), actor, input.keyId, user.id);
    revalidatePath('/account/api-keys');
    return ok(undefined, 'Key revoked. Requests with it are refused from now on.');
  },
);
