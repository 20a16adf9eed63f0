import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const SECRET_NAMES = ['AUTH_SECRET', 'CREDENTIALS_KEY', 'RECEIPT_KEY'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

const fileSchema = z.object({
  AUTH_SECRET: z.string(),
  CREDENTIALS_KEY: z.string(),
  RECEIPT_KEY: z.string(),
});

/** The demo keeps its secrets in the data folder (git-ignored), beside its database. */
export function demoSecretsPath(databasePath: string): string {
  const folder = databasePath === ':memory:' ? 'data' : path.dirname(path.resolve(databasePath));
  return path.join(folder, 'secrets.json');
}

function generate(): Record<SecretName, string> {
  const random = () => randomBytes(32).toString('base64');
  return { AUTH_SECRET: random(), CREDENTIALS_KEY: random(), RECEIPT_KEY: random() };
}

/**
 * Reads the demo's secrets, or writes fresh random ones on the first start (mode 0600). The file
 * appears whole or not at all: written aside, then hard-linked into place, so two processes starting
 * at once agree on the one that won.
 */
export function loadOrCreateDemoSecrets(databasePath: string): Record<SecretName, string> {
  const file = demoSecretsPath(databasePath);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(aside, `${JSON.stringify(generate(), null, 2)}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    try {
      fs.linkSync(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(aside);
    }
  }
  // An owner who copied the file with looser permissions gets them tightened again.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
