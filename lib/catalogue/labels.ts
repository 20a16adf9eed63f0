/** "1.5 GB", "500 MB": sizes as agents say them. */
export function sizeLabel(mb: number | null): string {
  if (mb === null) return '';
  return mb >= 1024 ? `${+(mb / 1024).toFixed(2)} GB` : `${mb} MB`;
}

export function validityLabel(days: number | null): string {
  if (days === null) return '';
  return days === 1 ? '1 day' : `${days} days`;
}
