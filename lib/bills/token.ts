// Tokens as printed on vouchers: digits in groups of four ("1234 5678 9012 3456 7890").

/** The digits of a token grouped in fours; anything that is not a digit-only token is shown as given. */
export function formatToken(token: string): string {
  const digits = token.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return token.trim();
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * The token out of a provider's text: VTpass writes "Token : 2636 2054 …" and sometimes adds
 * "Bonus Token : …" after it; the main token is the first run of 16 to 24 digits (spaces allowed).
 * Null for an empty or "N/A" value.
 */
export function extractToken(text: string | null | undefined): string | null {
  if (!text) return null;
  const cleaned = text.replace(/^\s*token\s*:\s*/i, '');
  const match = /\d(?:[\d -]*\d)?/.exec(cleaned);
  if (!match) return null;
  const digits = match[0].replace(/[\s-]/g, '');
  return digits.length >= 16 && digits.length <= 24 ? digits : null;
}
