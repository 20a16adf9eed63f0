import { formatToken } from '@/lib/bills/token';

/**
 * The message the customer receives with the link. A bill's token leads it, grouped in fours as on
 * a voucher, so the customer can type it into the meter without opening the link.
 */
export function shareText(url: string, token?: string | null): string {
  const receipt = `Your receipt: ${url}`;
  return token ? `Your token: ${formatToken(token)}\n${receipt}` : receipt;
}

export function whatsappHref(url: string, token?: string | null): string {
  return `https://wa.me/?text=${encodeURIComponent(shareText(url, token))}`;
}

/** `sms:?&body=` is the form both Android and iOS accept without a recipient. */
export function smsHref(url: string, token?: string | null): string {
  return `sms:?&body=${encodeURIComponent(shareText(url, token))}`;
}
