import { LAGOS_TIME_ZONE } from '@/lib/time/lagos';

// Agents read times in Lagos time by default, with the date.
const LAGOS = new Intl.DateTimeFormat('en-GB', {
  timeZone: LAGOS_TIME_ZONE,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatDateTime(ms: number): string {
  return LAGOS.format(new Date(ms));
}

/** "08031234567" → "0803•••4567": enough for the customer to recognise, not enough to reuse. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '•••';
  return `${phone.slice(0, 4)}•••${phone.slice(-4)}`;
}

/** Quotes a CSV cell and neutralises formula injection (=, +, -, @ at the start). */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}
