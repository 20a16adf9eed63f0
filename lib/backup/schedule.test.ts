import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectPostgres } from '@/db/pg/runtime';
import { closeDatabase } from '@/db/query';
import { startBackupSchedule } from './schedule';

afterEach(() => vi.useRealTimers());

describe('the backup schedule on PostgreSQL', () => {
  it('is off: one log line naming pg_dump and PITR, no timer, no file, no connection', async () => {
    // A pool that could never connect (port 1): the schedule must not even try.
    const db = connectPostgres('postgres://nobody:none@127.0.0.1:1/nothing', { max: 1 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-schedule-'));
    const lines: string[] = [];
    vi.useFakeTimers();
    try {
      const stop = startBackupSchedule(db, { dir, keep: 3, intervalMs: 60_000 }, (line) =>
        lines.push(line),
      );
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/PostgreSQL.*pg_dump.*point-in-time recovery/);
      expect(fs.readdirSync(dir)).toEqual([]);
      stop();
    } finally {
      vi.useRealTimers();
      fs.rmSync(dir, { recursive: true, force: true });
      await closeDatabase(db);
    }
  });
});
