import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PublicReceipt } from '@/lib/receipts/queries';
import { ReceiptCard } from './receipt-card';

const receipt: PublicReceipt = {
  status: 'SUCCESS',
  product: 'MTN Airtime',
  type: 'airtime',
  network: 'MTN',
  phone: '0803•••4567',
  currency: 'NGN',
  amountMinor: 50_000,
  createdAt: Date.UTC(2026, 0, 2, 9, 30),
  finalAt: Date.UTC(2026, 0, 2, 9, 31),
  maskedReference: '…k3x9',
  operatorRef: null,
  account: null,
  delivered: null,
  awaitingToken: false,
};

describe('the receipt card', () => {
  it('shows the masked number, the amount in naira, the tail of our reference and the status in words', () => {
    const html = renderToStaticMarkup(createElement(ReceiptCard, { receipt }));
    expect(html).toContain('0803•••4567');
    expect(html).toContain('₦500.00');
    expect(html).toContain('…k3x9');
    expect(html).toContain('Successful');
  });

  it('shows a sale the network has not answered as processing', () => {
    const html = renderToStaticMarkup(
      createElement(ReceiptCard, { receipt: { ...receipt, status: 'PENDING' } }),
    );
    expect(html).toContain('Processing');
    expect(html).not.toContain('Successful');
  });
});
