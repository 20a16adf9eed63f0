import { minorToDecimalString } from '@/lib/money';
import { rowResult, type BulkRowView } from './queries';

const HEADER = ['row', 'number', 'network', 'product', 'amount', 'cost', 'result', 'reference', 'message'];

/** A spreadsheet cell: quoted, and a leading =, +, - or @ defused so no spreadsheet runs it as a formula. */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function resultCsv(rows: BulkRowView[]): string {
  const lines = rows.map((r) => [
    r.rowNumber, r.phone ?? r.rawNumber, r.network, r.productName,
    r.faceMinor === null ? null : minorToDecimalString(r.faceMinor),
    r.agentCostMinor === null ? null : minorToDecimalString(r.agentCostMinor),
    rowResult(r), r.reference, r.message,
  ].map(cell).join(','));
  return [HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}
