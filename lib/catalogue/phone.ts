/**
 * Nigerian and Indian mobile numbers: normalise what people type, validate, detect the network.
 * Prefixes from docs/numbering.md#nigeria (libphonenumber carrier data, 234.txt at 5931383d):
 * the longest matching prefix wins, so 07025 (MTN) beats any 4-digit 0702x rule.
 */
export type NgNetwork = 'MTN' | 'GLO' | 'AIRTEL' | '9MOBILE';

const NG_PREFIXES: Record<NgNetwork, string[]> = {
  MTN: [
    '0703',
    '0704',
    '0706',
    '0707',
    '07025',
    '07026',
    '0803',
    '0806',
    '0810',
    '0813',
    '0814',
    '0816',
    '0903',
    '0906',
    '0913',
    '0916',
  ],
  AIRTEL: ['0701', '0708', '0802', '0808', '0812', '0901', '0902', '0904', '0907', '0911', '0912'],
  GLO: ['0705', '0805', '0807', '0811', '0815', '0905', '0915'],
  '9MOBILE': ['0809', '0817', '0818', '0908', '0909'],
};

// Longest first, so the first match is the most specific one.
const NG_TABLE = Object.entries(NG_PREFIXES)
  .flatMap(([network, prefixes]) =>
    prefixes.map((prefix) => ({ prefix, network: network as NgNetwork })),
  )
  .sort((a, b) => b.prefix.length - a.prefix.length);

export const NG_NETWORKS: NgNetwork[] = ['MTN', 'GLO', 'AIRTEL', '9MOBILE'];

/** "+234 803 123 4567", "2348031234567", "0803-123-4567" → "08031234567"; null when not a NG mobile. */
export function normaliseNigerianNumber(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, '').replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return null;
  let national: string;
  if (digits.startsWith('234') && digits.length === 13) national = `0${digits.slice(3)}`;
  else if (digits.length === 11 && digits.startsWith('0')) national = digits;
  else if (digits.length === 10 && /^[789]/.test(digits)) national = `0${digits}`;
  else return null;
  return /^0[789][01]\d{8}$/.test(national) ? national : null;
}

export function detectNigerianNetwork(national: string): NgNetwork | null {
  return NG_TABLE.find((row) => national.startsWith(row.prefix))?.network ?? null;
}

/** "0803 123 4567" as people write it. */
export function formatNigerianNumber(national: string): string {
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}

/** Indian mobiles: 10 digits starting 6–9, with or without +91 / 0. */
export function normaliseIndianNumber(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, '').replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return null;
  const national =
    digits.length === 12 && digits.startsWith('91')
      ? digits.slice(2)
      : digits.length === 11 && digits.startsWith('0')
        ? digits.slice(1)
        : digits;
  return /^[6-9]\d{9}$/.test(national) ? national : null;
}

export const IN_OPERATORS = ['AIRTEL', 'JIO', 'VI', 'BSNL'] as const;
