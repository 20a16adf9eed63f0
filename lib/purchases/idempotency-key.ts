/**
 * A fresh key when a sale form opens. getRandomValues works on plain-HTTP LAN addresses too,
 * where crypto.randomUUID is missing (it needs a secure context).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
