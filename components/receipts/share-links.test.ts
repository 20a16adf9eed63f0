import { describe, expect, it } from 'vitest';
import { shareText, smsHref, whatsappHref } from './share-links';

const url = 'https://portal.example/r/AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('the share text', () => {
  it('is the link alone for a sale with no token', () => {
    expect(shareText(url)).toBe(`Your receipt: ${url}`);
    expect(shareText(url, null)).toBe(`Your receipt: ${url}`);
  });

  it('leads with an electricity token grouped in fours, as printed on vouchers', () => {
    expect(shareText(url, '12345678901234567890')).toBe(
      `Your token: 1234 5678 9012 3456 7890\nYour receipt: ${url}`,
    );
  });

  it('carries the token into the WhatsApp and SMS messages', () => {
    const token = '55556666777788889999';
    for (const href of [whatsappHref(url, token), smsHref(url, token)]) {
      const body = decodeURIComponent(href.slice(href.indexOf('=') + 1));
      expect(body).toContain('5555 6666 7777 8888 9999');
      expect(body).toContain(url);
    }
  });
});
