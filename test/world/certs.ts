import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCa {
  caPem: string;
  /** A server certificate signed by this CA for the given subjectAltName (e.g. "IP:127.0.0.1"). */
  issue: (subjectAltName: string) => { key: string; cert: string };
  cleanup: () => void;
}

/**
 * A throwaway certificate authority made with the openssl CLI (node:crypto can read certificates but
 * not sign them), P-256 keys so it takes milliseconds.
 */
export function createTestCa(name: string): TestCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-ca-'));
  const at = (file: string) => path.join(dir, file);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  let serial = 0;
  return {
    caPem: fs.readFileSync(at('ca.pem'), 'utf8'),
    issue: (subjectAltName) => {
      serial += 1;
      const base = `leaf${serial}`;
      fs.writeFileSync(
        at(`${base}.ext`),
        `subjectAltName=${subjectAltName}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
      );
      openssl(
        'req',
        ...ecKey,
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.csr`,
        '-subj',
        `/CN=${name} server ${serial}`,
      );
      openssl(
        'x509',
        '-req',
        '-in',
        `${base}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-set_serial',
        String(1000 + serial),
        '-out',
        `${base}.pem`,
        '-days',
        '2',
        '-extfile',
        `${base}.ext`,
      );
      return {
        key: fs.readFileSync(at(`${base}.key`), 'utf8'),
        cert: fs.readFileSync(at(`${base}.pem`), 'utf8'),
      };
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
