import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SaleBook, type Sale } from './sales';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sale-book-'));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function book(dataFile: string, onResolved: (sale: Sale) => void = () => {}, pendingResolveMs = 60_000) {
  return new SaleBook({ now: () => new Date(), pendingResolveMs, onResolved, startingBalanceMinor: { jonet: 1_000_000, vtpass: 1_000_000, cwg: 1_000_000, rechargekit: 1_000_000 }, dataFile });
}
const sale = (reference: string, phone: string) => ({ provider: 'vtpass' as const, reference, phone, network: 'MTN', service: 'airtime' as const, amountMinor: 10_000 });

describe('the sale book with a data file', () => {
  it('keeps sales, states and the float across a restart, and resolves a pending sale after it', async () => {
    const file = path.join(dir, 'a', 'sim.jsonl');
    const first = book(file);
    first.purchase(sale('ref-ok', '08031234500'));
    first.purchase(sale('ref-pending', '08031234551'));
    const float = first.balance('vtpass');
    first.dispose();
    fs.appendFileSync(file, '{"op":"sale","sale":{"prov'); // a line cut short by a kill mid-write

    const resolved = new Promise<Sale>((resolve) => {
      const second = book(file, resolve, 50);
      expect(second.get('vtpass', 'ref-ok')?.state).toBe('SUCCESS');
      expect(second.get('vtpass', 'ref-pending')?.state).toBe('PENDING');
      expect(second.balance('vtpass')).toBe(float);
      expect(second.purchase(sale('ref-ok', '08031234500')).kind).toBe('duplicate');
    });
    expect(await resolved).toMatchObject({ reference: 'ref-pending', state: 'SUCCESS' });
    expect(book(file).get('vtpass', 'ref-pending')?.state).toBe('SUCCESS'); // the resolution was kept too
  });
});
