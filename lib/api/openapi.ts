import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { PROBLEM_CODES, type ProblemCode } from './problem';
import * as s from './schemas';

type Method = 'get' | 'post';

/** One operation of the API: what the reference page and the OpenAPI document both say about it. */
export interface ApiOperation {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description: string;
  scope: 'read' | 'sell';
  query?: z.ZodObject;
  params?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema: z.ZodType }>;
  problems: ProblemCode[];
  /** The example's query string or body, for the curl line. */
  example?: { query?: string; body?: Record<string, unknown>; pathValues?: Record<string, string> };
}

const AUTH_PROBLEMS: ProblemCode[] = [
  'authentication_required',
  'invalid_api_key',
  'api_key_revoked',
  'account_disabled',
  'ip_not_allowed',
  'insufficient_scope',
  'rate_limited',
];

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/catalogue',
    operationId: 'listPlans',
    scope: 'read',
    summary: 'List the plans on sale',
    description:
      'Airtime and data plans an enabled provider can sell now, by country, network and type; cheapest first.',
    query: s.catalogueQuerySchema,
    responses: { 200: { description: 'The plans', schema: s.catalogueSchema } },
    problems: ['validation_failed'],
    example: { query: 'country=NG&network=MTN&type=data' },
  },
  {
    method: 'get',
    path: '/lookup',
    operationId: 'lookupNumber',
    scope: 'read',
    summary: 'Look a number up',
    description:
      'Normalises a mobile number and tells its network from the prefix (Nigeria). Indian numbers are validated; ' +
      'their operator and circle cannot be told from the number and come back null.',
    query: s.lookupQuerySchema,
    responses: { 200: { description: 'The number', schema: s.lookupSchema } },
    problems: ['validation_failed'],
    example: { query: 'phone=08031234567' },
  },
  {
    method: 'get',
    path: '/balances',
    operationId: 'listBalances',
    scope: 'read',
    summary: 'Wallet balances',
    description: 'Each wallet: posted balance, held for pending sales, and available.',
    responses: { 200: { description: 'The balances', schema: s.balancesSchema } },
    problems: [],
  },
  {
    method: 'post',
    path: '/sales',
    operationId: 'createSale',
    scope: 'sell',
    summary: 'Sell airtime or data',
    description:
      'Debits the wallet and sends the sale to a provider. Requires an Idempotency-Key: a retry with the same key ' +
      'and body returns the first answer (status and body) with `Idempotent-Replayed: true`, never a second sale; the same ' +
      'key with another body is refused (422). 201 when the sale is final (success or failed), 202 while the provider has ' +
      'not answered: poll GET /sales/{id}. A refused sale moves no money and keeps nothing, so its key may be reused.',
    headers: s.idempotencyHeaderSchema,
    body: s.createSaleSchema,
    responses: {
      201: { description: 'The sale, final', schema: s.saleSchema },
      202: { description: 'The sale, still pending at the provider', schema: s.saleSchema },
    },
    problems: [
      'idempotency_key_missing',
      'idempotency_key_invalid',
      'unsupported_media_type',
      'invalid_json',
      'validation_failed',
      'idempotency_key_reused',
      'insufficient_funds',
      'sale_refused',
    ],
    example: { body: { productId: 12, phone: '08031234567', amountMinor: 50000 } },
  },
  {
    method: 'get',
    path: '/sales',
    operationId: 'listSales',
    scope: 'read',
    summary: 'List sales',
    description: 'Newest first. Follow `nextCursor` (as `cursor`) for the next page.',
    query: s.listSalesQuerySchema,
    responses: { 200: { description: 'A page of sales', schema: s.salePageSchema } },
    problems: ['validation_failed'],
    example: { query: 'status=pending&limit=50' },
  },
  {
    method: 'get',
    path: '/sales/{id}',
    operationId: 'getSale',
    scope: 'read',
    summary: 'Get a sale',
    description: 'One of your sales, as it stands now.',
    params: s.saleIdParamsSchema,
    responses: { 200: { description: 'The sale', schema: s.saleSchema } },
    problems: ['validation_failed', 'not_found'],
    example: { pathValues: { id: '1042' } },
  },
  {
    method: 'get',
    path: '/wallet/statement',
    operationId: 'getStatement',
    scope: 'read',
    summary: 'Wallet statement',
    description:
      'Every movement of a wallet, newest first, with the balance after each. Follow `nextCursor` for older rows.',
    query: s.statementQuerySchema,
    responses: { 200: { description: 'A page of the statement', schema: s.statementPageSchema } },
    problems: ['validation_failed'],
    example: { query: 'currency=NGN&limit=100' },
  },
];

export const API_BASE_PATH = '/api/v1';

/** A curl line a developer can paste: the portal's address and the key come from the shell. */
export function curlExample(op: ApiOperation): string {
  let path = op.path;
  for (const [name, value] of Object.entries(op.example?.pathValues ?? {}))
    path = path.replace(`{${name}}`, value);
  const query = op.example?.query ? `?${op.example.query}` : '';
  const lines = [
    `curl -sS${op.method === 'post' ? ' -X POST' : ''} "$PORTAL${API_BASE_PATH}${path}${query}"`,
    '-H "Authorization: Bearer $API_KEY"',
  ];
  if (op.headers) lines.push('-H "Idempotency-Key: $(uuidgen)"');
  if (op.example?.body)
    lines.push('-H "Content-Type: application/json"', `-d '${JSON.stringify(op.example.body)}'`);
  return lines.join(' \\\n  ');
}

const problemContent = { 'application/problem+json': { schema: s.problemSchema } };

function toOperation(op: ApiOperation): ZodOpenApiOperationObject {
  const problems = [...op.problems, ...AUTH_PROBLEMS, 'internal_error' as const];
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problems)
    byStatus.set(PROBLEM_CODES[code].status, [
      ...(byStatus.get(PROBLEM_CODES[code].status) ?? []),
      code,
    ]);
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      content: { 'application/json': { schema: r.schema } },
    };
  }
  for (const [status, codes] of byStatus) {
    responses[String(status)] = {
      description: `Problem: ${codes.join(', ')}`,
      content: problemContent,
    };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    security: [{ apiKey: [] }],
    'x-scope': op.scope,
    'x-codeSamples': [{ lang: 'shell', label: 'curl', source: curlExample(op) }],
    requestParams: Object.fromEntries(
      Object.entries({ query: op.query, path: op.params, header: op.headers }).filter(([, v]) => v),
    ),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: op.body } } } }
      : {}),
    responses,
  } as ZodOpenApiOperationObject;
}

/** The OpenAPI 3.1 document, built from the schemas the routes parse with. */
export function openApiDocument(serverUrl = API_BASE_PATH) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of API_OPERATIONS)
    paths[op.path] = { ...paths[op.path], [op.method]: toOperation(op) };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Agent vending portal API',
      version: '1.0.0',
      description:
        'Sell airtime and data from your wallet. JSON in and out; money in integer minor units (kobo, paise); ' +
        'errors are RFC 9457 problem documents with a stable `code`. Rate limits per key are answered with RateLimit-* ' +
        'headers, and 429 with Retry-After.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from Account → API keys',
        },
      },
    },
    paths,
  });
}
