'use server';

import { z } from 'zod';
import { getDb } from '@/db';
import { action } from '@/lib/actions/action';
import { ok } from '@/lib/actions/result';
import { verifyBillAccount, type BillCustomer } from '@/lib/bills/verify';

const verifyInputSchema = z.object({
  productId: z.coerce
    .number({ message: 'Pick the company and meter type.' })
    .int()
    .positive('Pick the company and meter type.'),
  account: z
    .string()
    .trim()
    .min(1, 'Enter the meter or smartcard number.')
    .max(32, 'That number is too long.'),
});

/**
 * The verify step before the confirm step: the customer's name (and address, arrears, bouquet) as the
 * provider knows this account. A wrong number comes back as a refusal on the `account` field; nothing
 * is debited here, and startSale checks the account again before any money moves.
 */
export const verifyAccountAction = action('agent', verifyInputSchema, async (input) =>
  ok<BillCustomer>(await verifyBillAccount(getDb(), input)),
);
