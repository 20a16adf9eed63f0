// Request/reply types shared by the four wire handlers, and the helpers to read bodies and credentials.
import type { Sale } from './sales';

export interface SimRequest {
  method: string;
  /** Path after the provider prefix, without leading slashes, e.g. "purchase_airtime.php", "api/platform/vend". */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  rawBody: string;
  json: unknown;
}

export type Reply =
  | { kind: 'json'; status?: number; body: unknown }
  | { kind: 'text'; status: number; contentType: string; body: string }
  | { kind: 'reset' } // destroy the socket (magic 54)
  | { kind: 'hold'; then: Reply }; // answer only after the client has given up (magic 53)

export interface OutgoingCallback {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  /** How many deliveries to try, and what counts as acknowledged. */
  attempts: number;
  isAcked(status: number, body: string): boolean;
}

export interface ProviderHandler {
  handle(req: SimRequest): Reply | Promise<Reply>;
  callbackFor(sale: Sale): OutgoingCallback;
}

export const json = (body: unknown, status = 200): Reply => ({ kind: 'json', status, body });

export const GARBAGE: Reply = {
  kind: 'text',
  status: 500,
  contentType: 'text/html',
  body: '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>',
};

/** HTTP 200, labelled JSON, cut off mid-object: what a proxy or a crashed worker sends. */
export const GARBAGE_JSON: Reply = {
  kind: 'text',
  status: 200,
  contentType: 'application/json',
  body: '{"code":"000","status":"succ',
};

/** The broken answer each garbling transport sends instead of the provider's real one. */
export const GARBLED: Partial<Record<string, Reply>> = {
  garbage: GARBAGE,
  'garbage-json': GARBAGE_JSON,
};

export function obj(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function basicCredentials(header: string | undefined): [string, string] | undefined {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : [decoded.slice(0, i), decoded.slice(i + 1)];
}

export const is2xx = (status: number) => status >= 200 && status < 300;
