import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_OPERATIONS, openApiDocument } from './openapi';

const V1 = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// Served about the API, not part of it.
const NOT_OPERATIONS = new Set(['/openapi.json']);

/** Every route file under app/api/v1, as an OpenAPI path ("[id]" → "{id}"). */
function routeFiles(dir = V1): { apiPath: string; file: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    const apiPath = `/${path.relative(V1, dir).split(path.sep).join('/')}`.replace(
      /\[([^\]]+)\]/g,
      '{$1}',
    );
    return [{ apiPath, file: full }];
  });
}

describe('the OpenAPI document and the routes agree', () => {
  it('documents every method of every route under app/api/v1, and nothing that is not a route', async () => {
    const fromRoutes: string[] = [];
    for (const { apiPath, file } of routeFiles()) {
      if (NOT_OPERATIONS.has(apiPath)) continue;
      const routeModule = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS)
        if (typeof routeModule[method] === 'function')
          fromRoutes.push(`${method.toLowerCase()} ${apiPath}`);
    }
    const doc = openApiDocument();
    const fromDoc = Object.entries(doc.paths ?? {}).flatMap(([apiPath, item]) =>
      Object.keys(item ?? {}).map((m) => `${m} ${apiPath}`),
    );
    expect(fromRoutes.length).toBeGreaterThan(0);
    expect(fromDoc.sort()).toEqual(fromRoutes.sort());
  });

  it('gives every operation a curl example, its scope and its problem answers', () => {
    const doc = openApiDocument();
    for (const op of API_OPERATIONS) {
      const documented = (doc.paths?.[op.path] as Record<string, Record<string, unknown>>)[
        op.method
      ]!;
      expect(documented['x-scope']).toBe(op.scope);
      expect(JSON.stringify(documented['x-codeSamples'])).toContain(
        `/api/v1${op.path.replace(/\{[^}]+\}/, '')}`,
      );
      expect(Object.keys(documented.responses as object)).toEqual(
        expect.arrayContaining(['401', '403', '429', '500']),
      );
    }
  });
});
