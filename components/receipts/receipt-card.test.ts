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

  const bill: PublicReceipt = {
    ...receipt,
    product: 'Ikeja Electric prepaid',
    type: 'electricity',
    network: 'IKEDC',
    account: '45101234500',
    delivered: { token: '12345678901234567890', units: '79.9 kWh', customerName: 'ADEBAYO O.' },
  };

  it('prints an electricity token in groups of four with its units, the meter and the customer', () => {
    const html = renderToStaticMarkup(createElement(ReceiptCard, { receipt: bill }));
    expect(html).toContain('Electricity receipt');
    expect(html).toContain('1234 5678 9012 3456 7890');
    expect(html).toContain('79.9 kWh');
    expect(html).toContain('45101234500');
    expect(html).toContain('ADEBAYO O.');
    expect(html).toContain('Ikeja Electric');
    expect(html).not.toContain('Awaiting token');
  });

  it('says "awaiting token" for a paid bill whose token has not come, and no token', () => {
    const html = renderToStaticMarkup(
      createElement(ReceiptCard, {
        receipt: { ...bill, delivered: null, awaitingToken: true },
      }),
    );
    expect(html).toContain('Awaiting token');
    expect(html).not.toContain('1234 5678');
    expect(html).toContain('Successful');
  });
});
