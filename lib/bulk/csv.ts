import { parse } from 'csv-parse/sync';
import { Refusal } from '@/lib/errors';

export const MAX_ROWS = 5_000;
/** Generous for 5,000 rows of number, network, product and amount; anything bigger is not such a file. */
export const MAX_BYTES = 512 * 1024;

export interface CsvRow {
  /** The row's line in the file as the agent sees it in a spreadsheet (the header is row 1). */
  rowNumber: number;
  number: string;
  network: string;
  product: string;
  amount: string;
}

export type ParsedCsv = { ok: true; rows: CsvRow[] } | { ok: false; refusal: Refusal };

/** The file is the one input at fault (the upload form's field). */
const refuse = (message: string) => ({ ok: false, refusal: new Refusal(message, 'file') }) as const;

const ALIASES: Record<string, keyof Omit<CsvRow, 'rowNumber'>> = {
  number: 'number',
  phone: 'number',
  'phone number': 'number',
  msisdn: 'number',
  network: 'network',
  product: 'product',
  plan: 'product',
  amount: 'amount',
};

/** The file's header names its columns; unknown columns are ignored, a missing number column is refused. */
export function parseBulkCsv(text: string): ParsedCsv {
  if (Buffer.byteLength(text) > MAX_BYTES)
    return refuse('The file is larger than 512 KB. Split it into smaller files.');
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    return refuse(`The file is not a readable CSV (${(error as Error).message.split('\n')[0]}).`);
  }
  const [header, ...body] = records;
  if (!header)
    return refuse(
      'The file is empty. Put a header row (number, network, product, amount) and one sale per row.',
    );
  const columns = header.map((name) => ALIASES[name.trim().toLowerCase()]);
  if (!columns.includes('number')) {
    return refuse(
      'The first row must name the columns: number, and network, product or amount (network is optional).',
    );
  }
  if (!columns.includes('product') && !columns.includes('amount')) {
    return refuse('Add a product or an amount column: each row needs one of them.');
  }
  if (body.length === 0) return refuse('The file has a header but no sales.');
  if (body.length > MAX_ROWS)
    return refuse(`The file has ${body.length} rows; the most one upload takes is ${MAX_ROWS}.`);
  const rows = body.map((cells, i) => {
    const row: CsvRow = { rowNumber: i + 2, number: '', network: '', product: '', amount: '' };
    columns.forEach((column, c) => {
      if (column && !row[column]) row[column] = (cells[c] ?? '').slice(0, 100);
    });
    return row;
  });
  return { ok: true, rows };
}
