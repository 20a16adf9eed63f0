import type { z } from 'zod';

/**
 * Every refusal of the REST API is an RFC 9457 problem document. `code` is the stable, machine-readable
 * part (clients branch on it; the words in `title` and `detail` may change); `field` names the input at
 * fault, and `errors` lists each one when several are.
 */
export const PROBLEM_CODES = {
  authentication_required: {
    status: 401,
    title: 'Send your API key as "Authorization: Bearer <key>".',
  },
  invalid_api_key: { status: 401, title: 'This API key is not valid.' },
  api_key_revoked: { status: 401, title: 'This API key was revoked.' },
  account_disabled: { status: 403, title: 'The account that owns this key is disabled.' },
  ip_not_allowed: { status: 403, title: 'This API key may not be used from this address.' },
  insufficient_scope: {
    status: 403,
    title: 'This API key does not have the scope this call needs.',
  },
  not_found: { status: 404, title: 'Not found.' },
  unsupported_media_type: { status: 415, title: 'Send the body as application/json.' },
  invalid_json: { status: 400, title: 'The body is not valid JSON.' },
  validation_failed: { status: 400, title: 'Some fields are missing or invalid.' },
  idempotency_key_missing: {
    status: 400,
    title: 'Creating a sale needs an Idempotency-Key header.',
  },
  idempotency_key_invalid: {
    status: 400,
    title: 'The Idempotency-Key must be 1 to 255 visible ASCII characters.',
  },
  idempotency_key_reused: {
    status: 422,
    title: 'This Idempotency-Key was already used with a different body.',
  },
  insufficient_funds: { status: 402, title: 'The wallet cannot pay for this sale.' },
  sale_refused: { status: 422, title: 'The sale was refused.' },
  rate_limited: {
    status: 429,
    title: 'Too many requests for this API key. Retry after the time given.',
  },
  internal_error: { status: 500, title: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemOptions {
  detail?: string;
  field?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemBody(code: ProblemCode, options: ProblemOptions = {}) {
  const { status, title } = PROBLEM_CODES[code];
  return {
    type: `/developers#problem-${code}`,
    title,
    status,
    code,
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.field ? { field: options.field } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
}

export function problem(code: ProblemCode, options: ProblemOptions = {}): Response {
  return new Response(JSON.stringify(problemBody(code, options)), {
    status: PROBLEM_CODES[code].status,
    headers: {
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Cache-Control': 'no-store',
      ...options.headers,
    },
  });
}

/** A zod refusal: one entry per issue, the field as a dotted path ("amountMinor", "filters.status"). */
export function validationProblem(error: z.ZodError, headers?: Record<string, string>): Response {
  const errors = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  return problem('validation_failed', { errors, field: errors[0]?.field, headers });
}
