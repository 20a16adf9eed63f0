import { csvLine } from '@/lib/format';
import { minorToDecimal2 } from '@/lib/money';
import { rowResult, type BulkRowView } from './queries';

const HEADER = [
  'row',
  'number',
  'network',
  'product',
  'amount',
  'cost',
  'result',
  'reference',
  'message',
];

/** Every row of the upload with what happened to it; cells quoted and formulas defused. */
export function resultCsv(rows: BulkRowView[]): string {
  const lines = rows.map((r) =>
    csvLine([
      r.rowNumber,
      r.phone ?? r.rawNumber,
      r.network,
      r.productName,
      r.amountMinor === null ? null : minorToDecimal2(r.amountMinor),
      r.agentCostMinor === null ? null : minorToDecimal2(r.agentCostMinor),
      rowResult(r),
      r.reference,
      r.message,
    ]),
  );
  return `${[HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}
