'use server';

import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { checkNow } from '@/lib/purchases/check-now';
import type { SaleOutcome } from '@/lib/purchases/outcome';

export const checkNowAction = action(
  'agent',
  z.object({ purchaseId: z.coerce.number().int().positive() }),
  async (input, { user }) => {
    const result = await checkNow(getDb(), user.id, input.purchaseId);
    return result.ok
      ? ok<SaleOutcome>(result.outcome, 'Checked with the provider.')
      : fail(result.refusal);
  },
);
