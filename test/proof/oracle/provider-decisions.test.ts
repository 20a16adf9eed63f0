// Every row of the documents' decision table (provider-decisions.ts), sent as a raw wire body through the real
// adapter (client, schema and map.ts) with a fake fetch, must decide what the documents say. The adapters
// never see the table; this test only reads their ProviderResult through the shared reading rule.
import { describe, expect, it } from 'vitest';
import { createAdapter, defaultProviderConfig } from '@/lib/providers/registry';
import type { ProviderResult } from '@/lib/providers/types';
import {
  PROVIDER_DECISIONS,
  type Decision,
  type OracleProvider,
  type OracleRow,
} from './provider-decisions';

/** The contract's reading rule: one decision per ProviderResult. */
export function decisionOf(r: ProviderResult): Decision | `unreadable ${string}` {
  const needsConfirmation = (r as { needsConfirmation?: boolean }).needsConfirmation === true;
  switch (r.status as string) {
    case 'SUCCESS':
      return 'success';
    case 'PENDING':
    case 'UNKNOWN':
      return r.duplicate ? 'duplicate' : 'pending';
    case 'FAILED':
      return needsConfirmation ? 'refund-after-confirm' : 'refund';
    case 'NOT_PROCESSED':
      return needsConfirmation ? 'failover-after-confirm' : 'failover';
    case 'REVERSED':
      return 'reversed';
    case 'NOT_FOUND':
      return 'not-found';
    case 'MANUAL_REVIEW':
      return 'manual-review';
    default:
      return `unreadable ${r.status}`;
  }
}

const REFERENCE = '202601011200ab12cd34';
const GARBAGE_HTML = '<html><body><h1>500 Internal Server Error</h1></body></html>';

function parseKv(answer: string): Record<string, string> {
  // "error=1,msg=Duplicate order, Order ID must be unique": msg is last and may hold commas.
  const out: Record<string, string> = {};
  const msgAt = answer.indexOf('msg=');
  const head = msgAt >= 0 ? answer.slice(0, msgAt) : answer;
  for (const part of head.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    out[k!] = v!;
  }
  if (msgAt >= 0) out.msg = answer.slice(msgAt + 4);
  return out;
}

/** The wire reply for a row, shaped as each provider (and the simulator) sends it. */
function wireReply(
  provider: OracleProvider,
  answer: string,
): { status: number; body: string; type: string } {
  const json = (body: unknown, status = 200) => ({
    status,
    body: JSON.stringify(body),
    type: 'application/json',
  });
  if (answer === 'garbage-500') return { status: 500, body: GARBAGE_HTML, type: 'text/html' };
  if (answer === 'truncated-json')
    return {
      status: 200,
      body: '{"code":"000","content":{"transactions":{"sta',
      type: 'application/json',
    };
  switch (provider) {
    case 'jonet': {
      const [responseCode, word] = answer.split('/');
      return json({
        responseCode,
        message: `JoNet says ${responseCode}`,
        customer_id: REFERENCE,
        transaction_id: 'JN1',
        ...(word ? { status: word } : {}),
      });
    }
    case 'vtpass': {
      const [code, inner] = answer.split('/');
      return json({
        code,
        response_description: `VTpass says ${code}`,
        requestId: REFERENCE,
        ...(inner
          ? { content: { transactions: { status: inner, transactionId: '1741598056' } } }
          : {}),
      });
    }
    case 'cwg': {
      const [kind, value] = answer.split('=') as [string, string];
      if (kind === 'http') return json({ error: 'rate_limited_or_unauthorised' }, Number(value));
      const errors =
        kind === 'error' ? [{ errorCode: value, errorMessage: `CWG says ${value}` }] : [];
      return json(
        {
          statusCode: kind === 'error' ? 400 : 200,
          requestSuccessful: kind !== 'error',
          executionTime: 0,
          apiErrors: { errorCount: errors.length, apiErrorList: errors },
          requestedCommand: '/vend',
          responseEntity:
            kind === 'error'
              ? null
              : {
                  headers: {},
                  body: {
                    transactionReference: REFERENCE,
                    transactionStatus: value,
                    cwgReference: 'CWG1',
                    message: 'vend',
                  },
                  statusCode: 'OK',
                  statusCodeValue: 200,
                },
        },
        kind === 'error' ? 400 : 200,
      );
    }
    case 'rechargekit': {
      const kv = parseKv(answer);
      const body: Record<string, unknown> = {
        error: Number(kv.error),
        msg: kv.msg ?? (kv.error === '0' ? 'success' : 'error'),
      };
      if (kv.status !== undefined)
        Object.assign(body, {
          status: Number(kv.status),
          orderid: 'RK1',
          optransid: '',
          partnerreqid: REFERENCE,
          commission: 0,
        });
      return json(body);
    }
  }
}

async function decide(row: OracleRow, op: 'purchase' | 'requery') {
  const reply = wireReply(row.provider, row.answer);
  const fakeFetch = (async (input: string | URL | Request) => {
    const url = String(input);
    if (/oauth2\/token/.test(url)) {
      return new Response(
        JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 43199 }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    }
    return new Response(reply.body, {
      status: reply.status,
      headers: { 'content-type': reply.type },
    });
  }) as typeof fetch;
  const adapter = createAdapter(
    row.provider,
    defaultProviderConfig(row.provider, 'http://127.0.0.1:9'),
    { fetch: fakeFetch, now: () => new Date('2026-01-01T11:00:00Z') },
  );
  const request =
    row.provider === 'rechargekit'
      ? {
          reference: REFERENCE,
          phone: '9876543210',
          network: 'AIRTEL',
          amountMinor: 10_000,
          circle: '5',
        }
      : { reference: REFERENCE, phone: '08031234500', network: 'MTN', amountMinor: 10_000 };
  const result =
    op === 'purchase' ? await adapter.buyAirtime(request) : await adapter.requery(REFERENCE);
  expect(result.exchanges.length, 'the answer really went over the (fake) wire').toBeGreaterThan(0);
  return decisionOf(result);
}

const label = (r: OracleRow) => `${r.provider} ${r.answer}`;

describe("the documents' decision table, through the real adapters", () => {
  it.each(PROVIDER_DECISIONS.filter((r) => r.purchase).map((r) => [label(r), r] as const))(
    'purchase answer %s',
    async (_, row) => {
      expect(await decide(row, 'purchase'), row.doc).toBe(row.purchase);
    },
  );
  it.each(PROVIDER_DECISIONS.map((r) => [label(r), r] as const))(
    'requery answer %s',
    async (_, row) => {
      expect(await decide(row, 'requery'), row.doc).toBe(row.requery ?? 'pending');
    },
  );
  it('covers every provider and every decision at least once', () => {
    expect(new Set(PROVIDER_DECISIONS.map((r) => r.provider))).toEqual(
      new Set(['jonet', 'vtpass', 'cwg', 'rechargekit']),
    );
    const decisions = new Set(
      PROVIDER_DECISIONS.flatMap((r) => [r.purchase ?? 'pending', r.requery ?? 'pending']),
    );
    expect([...decisions].sort()).toEqual([
      'duplicate',
      'failover',
      'failover-after-confirm',
      'manual-review',
      'not-found',
      'pending',
      'refund',
      'refund-after-confirm',
      'reversed',
      'success',
    ]);
  });
  it('lists each answer once per provider', () => {
    expect(new Set(PROVIDER_DECISIONS.map(label)).size).toBe(PROVIDER_DECISIONS.length);
  });
});
