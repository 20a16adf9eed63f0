// Shared transport for every adapter: one fetch with a timeout, recorded as an Exchange with secrets masked.
// It never throws: a timeout or a dropped connection comes back as a 'transport-error' outcome.
import type { Exchange, ProviderDeps } from './types';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Raw body as sent. */
  body?: string;
  /** What to record as the request body (before masking); defaults to the parsed JSON body. */
  logBody?: unknown;
  timeoutMs: number;
}

export type HttpOutcome =
  | {
      kind: 'response';
      status: number;
      text: string;
      json: unknown;
      isJson: boolean;
      exchange: Exchange;
    }
  | {
      kind: 'transport-error';
      error: 'timeout' | 'network_error';
      message: string;
      exchange: Exchange;
    };

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|private/i;
const MAX_TEXT = 2000;

/** Masks credential-looking fields anywhere in a JSON-ish value. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? '***' : maskSecrets(v),
      ]),
    );
  }
  return value;
}

/** Joins a base URL and an operation path; an absolute path (http…) replaces the base (GAP: base URL per operation). */
export function joinUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export async function httpCall(deps: ProviderDeps, req: HttpRequest): Promise<HttpOutcome> {
  const started = deps.now();
  const t0 = performance.now();
  const exchange: Exchange = {
    at: started.toISOString(),
    method: req.method,
    url: req.url,
    requestBody: maskSecrets(req.logBody ?? tryJson(req.body)),
    durationMs: 0,
  };
  try {
    const res = await deps.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    const text = await res.text();
    const json = tryJson(text);
    const isJson = json !== undefined;
    exchange.status = res.status;
    exchange.responseBody = isJson ? maskSecrets(json) : text.slice(0, MAX_TEXT);
    exchange.durationMs = Math.round(performance.now() - t0);
    return { kind: 'response', status: res.status, text, json, isJson, exchange };
  } catch (err) {
    const timeout = isTimeout(err);
    const message = describeError(err);
    exchange.error = timeout ? `timeout after ${req.timeoutMs} ms` : message;
    exchange.durationMs = Math.round(performance.now() - t0);
    return {
      kind: 'transport-error',
      error: timeout ? 'timeout' : 'network_error',
      message,
      exchange,
    };
  }
}

function tryJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${err.message}: ${cause.code ?? cause.message ?? 'unknown cause'}` : err.message;
}
