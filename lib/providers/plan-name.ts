// Reads data size and validity out of a plan name ("N1000 1GB - 30 Days", "₦100 - 50MB (valid for 24hrs)").
// Every provider names plans differently; one parser keeps dataMb/validityDays comparable for catalogue merging.

export function parseDataMb(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(TB|GB|MB)\b/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toUpperCase();
  const mb = unit === 'TB' ? n * 1024 * 1024 : unit === 'GB' ? n * 1024 : n;
  return Math.round(mb);
}

export function parseValidityDays(text: string): number | undefined {
  const m = /(\d+)\s*-?\s*(days?|hrs?|hours?|weeks?|months?)\b/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  if (unit.startsWith('h')) return Math.max(1, Math.round(n / 24));
  if (unit.startsWith('w')) return n * 7;
  if (unit.startsWith('m')) return n * 30;
  return n;
}
