// "Ambiguity is never failure" (docs/money-rules.md#ambiguity, docs/providers/README.md#common-rules): a transport error, HTTP 5xx/429
// or an unreadable body leaves the sale UNKNOWN so the money stays reserved and a requery is scheduled.
import type { HttpOutcome } from './http';
import type { Exchange, ProviderResult } from './types';

/** The UNKNOWN result for an outcome no code table can read, or null when the body is JSON worth mapping. */
export function ambiguousResult(
  outcome: HttpOutcome,
  exchanges: Exchange[],
): ProviderResult | null {
  if (outcome.kind === 'transport-error') {
    return { status: 'UNKNOWN', providerCode: outcome.error, message: outcome.message, exchanges };
  }
  if (outcome.status >= 500) {
    return {
      status: 'UNKNOWN',
      providerCode: `http_${outcome.status}`,
      message: snippet(outcome.text),
      exchanges,
    };
  }
  if (outcome.status === 429) {
    return { status: 'UNKNOWN', providerCode: 'http_429', message: 'rate limited', exchanges };
  }
  if (!outcome.isJson) {
    return {
      status: 'UNKNOWN',
      providerCode: 'non_json',
      message: snippet(outcome.text),
      exchanges,
    };
  }
  return null;
}

/** The result for a JSON body that does not fit the expected schema: never a failure. */
export function unexpectedBody(exchanges: Exchange[], detail: string): ProviderResult {
  return { status: 'UNKNOWN', providerCode: 'unexpected_body', message: detail, exchanges };
}

/** A request refused before it was sent (bad input/config): nothing reached the provider, so it may go elsewhere. */
export function notSent(code: string, message: string): ProviderResult {
  return { status: 'NOT_PROCESSED', providerCode: code, message, exchanges: [] };
}

function snippet(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Thrown by non-purchase reads (catalogue, balance) when the provider gives no usable answer. */
export class ProviderReadError extends Error {
  constructor(
    message: string,
    readonly exchanges: Exchange[],
  ) {
    super(message);
    this.name = 'ProviderReadError';
  }
}

export function readOrThrow(outcome: HttpOutcome, what: string): unknown {
  if (outcome.kind === 'transport-error')
    throw new ProviderReadError(`${what}: ${outcome.error}`, [outcome.exchange]);
  if (!outcome.isJson || outcome.status >= 400) {
    throw new ProviderReadError(`${what}: HTTP ${outcome.status}`, [outcome.exchange]);
  }
  return outcome.json;
}

/** Standard path from an HTTP outcome to a result: ambiguity first, then schema, then the provider's code table. */
export function mapOutcome<T>(
  outcome: HttpOutcome,
  schema: {
    safeParse(v: unknown):
      | { success: true; data: T }
      | {
          success: false;
          error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
        };
  },
  map: (value: T, exchanges: Exchange[]) => ProviderResult,
  prior: Exchange[] = [],
): ProviderResult {
  const exchanges = [...prior, outcome.exchange];
  const ambiguous = ambiguousResult(outcome, exchanges);
  if (ambiguous || outcome.kind !== 'response')
    return ambiguous ?? unexpectedBody(exchanges, 'no response');
  const parsed = schema.safeParse(outcome.json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return unexpectedBody(exchanges, detail.slice(0, 300));
  }
  return map(parsed.data, exchanges);
}

/** Guards the amount before anything is sent. */
export function invalidAmount(amountMinor: number): ProviderResult | null {
  return Number.isSafeInteger(amountMinor) && amountMinor > 0
    ? null
    : notSent(
        'invalid_amount',
        `amount must be a positive integer in minor units, got ${amountMinor}`,
      );
}
