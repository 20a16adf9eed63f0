/** The message the customer receives with the link. */
export function shareText(url: string): string {
  return `Your receipt: ${url}`;
}

export function whatsappHref(url: string): string {
  return `https://wa.me/?text=${encodeURIComponent(shareText(url))}`;
}

/** `sms:?&body=` is the form both Android and iOS accept without a recipient. */
export function smsHref(url: string): string {
  return `sms:?&body=${encodeURIComponent(shareText(url))}`;
}
