/** A JSON Schema object's properties as a table, following one $ref into the document's components. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  default?: unknown;
};

export type Components = Record<string, JsonSchema>;

export function resolve(
  schema: JsonSchema | undefined,
  components: Components,
): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return components[schema.$ref.split('/').pop() ?? ''];
}

export function typeLabel(schema: JsonSchema | undefined, components: Components): string {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop() ?? '';
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map((s) => typeLabel(s, components)).join(' | ');
  if (schema.type === 'array') return `${typeLabel(schema.items, components)}[]`;
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
}

export function SchemaTable({
  schema,
  components,
}: {
  schema: JsonSchema | undefined;
  components: Components;
}) {
  const resolved = resolve(schema, components);
  const properties = Object.entries(resolved?.properties ?? {});
  if (properties.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-3">Field</th>
            <th className="py-1 pr-3">Type</th>
            <th className="py-1">Description</th>
          </tr>
        </thead>
        <tbody>
          {properties.map(([name, property]) => (
            <tr key={name} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 font-mono">
                {name}
                {resolved?.required?.includes(name) ? '' : '?'}
              </td>
              <td className="py-1 pr-3 font-mono text-xs">{typeLabel(property, components)}</td>
              <td className="py-1">
                {property.description ?? resolve(property, components)?.description ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
