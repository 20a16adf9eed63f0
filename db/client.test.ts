import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, sqliteFile } from './client';
import { rows } from '@/db/query';

const dirs: string[] = [];
function tempFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-db-'));
  dirs.push(dir);
  return path.join(dir, 'test.db');
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('openDatabase', () => {
  it('opens the file with WAL, synchronous=FULL, a busy timeout and foreign keys', () => {
    const db = openDatabase(tempFile());
    const client = sqliteFile(db);
    expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(client.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(client.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('applies the committed migrations, including the append-only triggers', async () => {
    const db = openDatabase(tempFile());
    const triggers = await rows<{ name: string }>(
      db,
      sql`select name from sqlite_master where type = 'trigger'`,
    );
    expect(triggers.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'ledger_entries_no_update',
        'ledger_entries_no_delete',
        'audit_log_no_update',
      ]),
    );
  });
});
