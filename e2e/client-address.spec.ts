// The client's address comes from the socket: X-Forwarded-For from a client that is no declared
// proxy (TRUST_PROXY is unset here) never picks the throttle bucket nor the audited address.
// The requests leave from 127.0.0.2 (all of 127/8 is loopback), an address no other spec uses, so
// this spec's throttling touches no other spec's sign-ins.
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { E2E_BASE_URL, E2E_DATA_DIR } from './paths';

const SOCKET_ADDRESS = '127.0.0.2';

function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(url, E2E_BASE_URL),
      { method, headers, localAddress: SOCKET_ADDRESS },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('30 wrong passwords behind 30 forged X-Forwarded-For values are throttled at the per-address limit, audited under the socket address', async () => {
  const run = Date.now().toString(36);
  const csrf = await send('GET', '/api/auth/csrf', {});
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const outcomes: string[] = [];
  for (let attempt = 1; attempt <= 30; attempt += 1) {
    // A new account each time (its own per-account bucket) and a new forged address each time.
    const form = new URLSearchParams({
      csrfToken,
      email: `xff-${run}-${attempt}@probe.test`,
      password: 'wrong-password',
      json: 'true',
    }).toString();
    const answer = await send(
      'POST',
      '/api/auth/callback/credentials',
      {
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
        'x-forwarded-for': `203.0.113.${attempt}`,
        'x-real-ip': `198.51.100.${attempt}`,
      },
      form,
    );
    const error =
      new URL((JSON.parse(answer.body) as { url: string }).url).searchParams.get('error') ?? '';
    outcomes.push(
      error.startsWith('Too many attempts')
        ? 'throttled'
        : error === 'Wrong email or password.'
          ? 'wrong'
          : `other: ${error}`,
    );
  }
  // LOGIN_RULES.ip: 20 failures per address per 15 minutes.
  expect(outcomes).toEqual([
    ...Array<string>(20).fill('wrong'),
    ...Array<string>(10).fill('throttled'),
  ]);

  const db = new Database(path.join(E2E_DATA_DIR, 'portal.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const audited = db
      .prepare(
        "select ip, count(*) as n from audit_log where action = 'auth.sign_in_failed' and actor_label like ? group by ip",
      )
      .all(`xff-${run}-%`);
    expect(audited).toEqual([{ ip: SOCKET_ADDRESS, n: 20 }]);
  } finally {
    db.close();
  }
});
