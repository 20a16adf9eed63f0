// CWG transactionHash (docs/providers/cwg.md#hash): GAP. 128 hex chars = SHA-512 sized; the samples are placeholders,
// so the recipe is pluggable (option `hashRecipe`) until CWG confirms field order, key and case.
import { createHash, createHmac } from 'node:crypto';
import { lagosParts } from '../../time/lagos';

export interface CwgHashFields {
  transactionReference: string;
  amountPaid: number;
  customerUserId: string;
  transactionDate: string;
  vendingCode: string;
  subCode?: string;
}

export const CWG_HASH_RECIPES = ['sha512-concat-secret', 'hmac-sha512-concat', 'none'] as const;
export type CwgHashRecipe = (typeof CWG_HASH_RECIPES)[number];

export function isCwgHashRecipe(v: string): v is CwgHashRecipe {
  return (CWG_HASH_RECIPES as readonly string[]).includes(v);
}

/** INFERRED field order (candidate 1/2): reference, amount, customer, date, vendCode, subCode. */
export function cwgHashMessage(f: CwgHashFields, separator = ''): string {
  return [
    f.transactionReference,
    String(f.amountPaid),
    f.customerUserId,
    f.transactionDate,
    f.vendingCode,
    f.subCode ?? '',
  ]
    .filter((part, i) => i < 5 || part !== '')
    .join(separator);
}

export function computeCwgHash(
  recipe: CwgHashRecipe,
  fields: CwgHashFields,
  clientSecret: string,
  opts: { separator?: string; upper?: boolean } = {},
): string {
  const message = cwgHashMessage(fields, opts.separator);
  let hex: string;
  if (recipe === 'sha512-concat-secret')
    hex = createHash('sha512')
      .update(message + clientSecret)
      .digest('hex'); // form 1
  else if (recipe === 'hmac-sha512-concat')
    hex = createHmac('sha512', clientSecret).update(message).digest('hex'); // form 2
  else hex = '';
  return opts.upper ? hex.toUpperCase() : hex;
}

/** dd/MM/yyyy HH:mm:ss in Lagos wall-clock time: transactionDate, Lagos INFERRED. */
export function cwgTransactionDate(date: Date): string {
  const l = lagosParts(date.getTime());
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(l.day)}/${p(l.month)}/${l.year} ${p(l.hour)}:${p(l.minute)}:${p(l.second)}`;
}
