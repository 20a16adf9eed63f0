/**
 * `npm run admin:create -- --email ops@example.com --name "Ops Lead"`: the first admin of a real
 * deployment (production seeds no accounts). The password comes from ADMIN_PASSWORD or standard
 * input, never the command line (shell history, process lists). The new admin is asked to enrol a
 * second factor at their first sign-in, before any admin page or action works.
 */
import './load-env-file';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openMigrated } from '@/db';
import { closeDatabase } from '@/db/query';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { Refusal } from '@/lib/errors';
import { createUser } from '@/lib/users/commands';

const input = z.object({
  email: z.email("Give the admin's email with --email."),
  name: z.string().trim().min(1, "Give the admin's name with --name."),
  password: z.string().min(12, 'The password must have at least 12 characters.'),
});

async function readPassword(): Promise<string> {
  if (env.ADMIN_PASSWORD) return env.ADMIN_PASSWORD;
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' } },
  });
  const parsed = input.safeParse({ ...values, password: await readPassword() });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`[admin:create] ${issue.message}`);
    process.exit(2);
  }
  const { db } = await openMigrated();
  try {
    const admin = await createUser(db, SYSTEM_ACTOR, { ...parsed.data, role: 'admin' });
    console.log(
      `[admin:create] ${admin.email} is an admin; the first sign-in asks them to enrol a second factor.`,
    );
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(`[admin:create] ${error.message}`);
    process.exitCode = 1;
  } finally {
    await closeDatabase(db);
  }
}

void main();
