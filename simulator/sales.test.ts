import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SaleBook, type Sale } from './sales';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sale-book-'));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function book(
  dataFile: string,
  onResolved: (sale: Sale) => void = () => {},
  pendingResolveMs = 60_000,
) {
  return new SaleBook({
    now: () => new Date(),
    pendingResolveMs,
    onResolved,
    startingBalanceMinor: {
      jonet: 1_000_000,
      vtpass: 1_000_000,
      cwg: 1_000_000,
      rechargekit: 1_000_000,
    },
    dataFile,
  });
}
const sale = (reference: string, phone: string) => ({
  provider: 'vtpass' as const,
  reference,
  phone,
  network: 'MTN',
  service: 'airtime' as const,
  amountMinor: 10_000,
});

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

describe('holding a sale’s later resolution (the control tests use to see a pending state)', () => {
  it('keeps a held phone’s sale pending past its time, resolves it at release, and the file records it', async () => {
    const file = path.join(dir, 'hold', 'sim.jsonl');
    const resolvedRefs: string[] = [];
    let siblingResolved!: () => void;
    const sibling = new Promise<void>((r) => (siblingResolved = r));
    const b = book(
      file,
      (s) => {
        resolvedRefs.push(s.reference);
        if (s.reference === 'ref-free') siblingResolved();
      },
      10,
    );
    b.hold('08031234551');
    b.purchase(sale('ref-held', '08031234551'));
    b.purchase(sale('ref-free', '08037654351')); // same delay, scheduled after: when it resolves, the held timer has fired
    await sibling;
    expect(b.get('vtpass', 'ref-held')?.state).toBe('PENDING');
    expect(b.holds()).toEqual({ all: false, phones: ['08031234551'], waiting: ['ref-held'] });
    expect(resolvedRefs).toEqual(['ref-free']);

    expect(b.release('08031234551').map((s) => s.reference)).toEqual(['ref-held']);
    expect(b.get('vtpass', 'ref-held')?.state).toBe('SUCCESS'); // before release returned, no timer to wait for
    expect(resolvedRefs).toEqual(['ref-free', 'ref-held']); // its callback goes out
    expect(b.holds()).toEqual({ all: false, phones: [], waiting: [] });
    b.dispose();
    expect(book(file).get('vtpass', 'ref-held')?.state).toBe('SUCCESS');
  });

  it('a release by reference resolves that sale at once, even before its time, and only that sale', () => {
    const b = book(path.join(dir, 'early', 'sim.jsonl')); // 60 s until resolution
    b.hold('all');
    b.purchase(sale('ref-52', '08031234552'));
    b.purchase(sale('ref-51', '08031234551'));
    expect(b.release('ref-52').map((s) => s.reference)).toEqual(['ref-52']);
    expect(b.get('vtpass', 'ref-52')?.state).toBe('FAILED');
    expect(b.get('vtpass', 'ref-51')?.state).toBe('PENDING');
    expect(b.release('all').map((s) => s.reference)).toEqual(['ref-51']);
    expect(b.get('vtpass', 'ref-51')?.state).toBe('SUCCESS');
    expect(b.holds()).toEqual({ all: false, phones: [], waiting: [] });
    b.dispose();
  });
});
