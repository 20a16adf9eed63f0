'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { cancelBatch, confirmBatch, createBatch } from '@/lib/bulk/commands';
import { MAX_BYTES } from '@/lib/bulk/csv';

const uploadSchema = z.object({
  file: z
    .instanceof(File, { message: 'Choose a CSV file.' })
    .refine((f) => f.size > 0, 'The file is empty.')
    .refine(
      (f) => f.size <= MAX_BYTES,
      'The file is larger than 512 KB. Split it into smaller files.',
    ),
});

export const uploadBulkAction = action('agent', uploadSchema, async (input, { user }) => {
  const created = await createBatch(getDb(), user.id, input.file.name, await input.file.text());
  return created.ok ? ok({ batchId: created.batchId }) : fail(created.refusal);
});

const batchSchema = z.object({
  batchId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const confirmBulkAction = action('agent', batchSchema, async (input, { user }) => {
  if (!(await confirmBatch(getDb(), user.id, input.batchId)))
    return fail('This batch was already confirmed or cancelled.');
  revalidatePath(`/bulk/${input.batchId}`);
  return ok(undefined, 'Confirmed: the rows are being sold. You can leave this page.');
});

export const cancelBulkAction = action('agent', batchSchema, async (input, { user }) => {
  if (!(await cancelBatch(getDb(), user.id, input.batchId)))
    return fail('This batch has already finished.');
  revalidatePath(`/bulk/${input.batchId}`);
  return ok(undefined, 'Cancelled: rows not yet sent will not be sold.');
});
