import type { Metadata } from 'next';
import {
  SchemaTable,
  typeLabel,
  type Components,
  type JsonSchema,
} from '@/components/developers/schema-table';
import { openApiDocument } from '@/lib/api/openapi';
import { PROBLEM_CODES } from '@/lib/api/problem';

export const metadata: Metadata = { title: 'API reference' };
// Dynamic like every page: the nonce-based CSP needs a per-request nonce on Next's own scripts.
export const dynamic = 'force-dynamic';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}
interface Operation {
  operationId: string;
  summary: string;
  description: string;
  'x-scope': string;
  'x-codeSamples': { source: string }[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: JsonSchema }> }
  >;
}

/** The reference, rendered on the server from the OpenAPI document itself: no script, nothing to drift. */
export default function DevelopersPage() {
  const doc = openApiDocument();
  const components = (doc.components?.schemas ?? {}) as Components;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-4 py-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{doc.info.title}</h1>
        <p className="text-slate-700">{doc.info.description}</p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            Base URL: <code>{doc.servers?.[0]?.url}</code> on the portal’s address. The
            machine-readable document:{' '}
            <a className="underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </li>
          <li>
            Authentication: <code>Authorization: Bearer &lt;key&gt;</code>, a key from Account → API
            keys with the scope each call names (read or sell).
          </li>
          <li>
            Creating a sale needs an <code>Idempotency-Key</code> header (a UUID): retrying with it
            never sells twice.
          </li>
          <li>
            Rate limits are per key and per second (sales and reads apart): see{' '}
            <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code>,{' '}
            <code>RateLimit-Reset</code>; past the limit, 429 with <code>Retry-After</code>.
          </li>
        </ul>
        <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-sm text-slate-100">
          {'export PORTAL=https://portal.example.com API_KEY=vp_live_…'}
        </pre>
      </header>
      {operations.map(({ path, method, op }) => (
        <section
          key={op.operationId}
          id={op.operationId}
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 className="text-xl font-semibold">{op.summary}</h2>
          <p className="font-mono text-sm">
            <span className="font-bold uppercase">{method}</span> {doc.servers?.[0]?.url}
            {path} <span className="text-slate-500">· scope {op['x-scope']}</span>
          </p>
          <p className="text-sm text-slate-700">{op.description}</p>
          {op.parameters?.length ? (
            <ParameterTable parameters={op.parameters} components={components} />
          ) : null}
          {op.requestBody ? (
            <div>
              <h3 className="font-semibold">Body (JSON)</h3>
              <SchemaTable
                schema={op.requestBody.content['application/json']?.schema}
                components={components}
              />
            </div>
          ) : null}
          <div>
            <h3 className="font-semibold">Answers</h3>
            <ul className="text-sm">
              {Object.entries(op.responses).map(([status, r]) => (
                <li key={status}>
                  <span className="font-mono">{status}</span> {r.description}
                  {status.startsWith('2')
                    ? ` (${typeLabel(r.content?.['application/json']?.schema, components)})`
                    : ''}
                </li>
              ))}
            </ul>
          </div>
          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-sm text-slate-100">
            {op['x-codeSamples'][0]?.source}
          </pre>
        </section>
      ))}
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Objects</h2>
        {Object.entries(components)
          .filter(([name]) => name !== 'Problem')
          .map(([name, schema]) => (
            <div key={name} id={`schema-${name}`}>
              <h3 className="font-semibold">{name}</h3>
              <SchemaTable schema={schema} components={components} />
            </div>
          ))}
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Errors</h2>
        <p className="text-sm text-slate-700">
          Every error is <code>application/problem+json</code> (RFC 9457): <code>type</code>,{' '}
          <code>title</code>, <code>status</code>, a stable <code>code</code>, and{' '}
          <code>field</code> or <code>errors</code> for the input at fault.
        </p>
        <ul className="text-sm">
          {Object.entries(PROBLEM_CODES).map(([code, p]) => (
            <li key={code} id={`problem-${code}`}>
              <span className="font-mono">
                {p.status} {code}
              </span>
              : {p.title}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

function ParameterTable({
  parameters,
  components,
}: {
  parameters: Parameter[];
  components: Components;
}) {
  return (
    <div className="overflow-x-auto">
      <h3 className="font-semibold">Parameters</h3>
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-3">Name</th>
            <th className="py-1 pr-3">In</th>
            <th className="py-1 pr-3">Type</th>
            <th className="py-1">Description</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 font-mono">
                {p.name}
                {p.required ? '' : '?'}
              </td>
              <td className="py-1 pr-3">{p.in}</td>
              <td className="py-1 pr-3 font-mono text-xs">{typeLabel(p.schema, components)}</td>
              <td className="py-1">{p.description ?? p.schema?.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
