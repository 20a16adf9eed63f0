// The sale form's bill account, fast (no database): the meter or smartcard number is kept as digits, the
// spaces and dashes an agent types to group them dropped, so verify and the provider get the number itself.
import { describe, expect, it } from 'vitest';
import { saleInputSchema } from './sale-input';

const form = (account: string) => ({
  idempotencyKey: 'sale-input-fast-0001',
  productId: '12',
  phone: '08031234567',
  network: 'IKEDC',
  account,
});

describe('a bill’s account number', () => {
  it('drops the spaces and dashes that group its digits', () => {
    expect(saleInputSchema.parse(form(' 4501-2345 6789 ')).account).toBe('450123456789');
    expect(saleInputSchema.parse(form('45 01\t23-45--67')).account).toBe('4501234567');
  });

  it('keeps every other character as typed', () => {
    expect(saleInputSchema.parse(form('1212121212')).account).toBe('1212121212');
    expect(saleInputSchema.parse(form('ab.12/3')).account).toBe('ab.12/3');
  });
});
