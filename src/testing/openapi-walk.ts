import { now } from '../server/clock';
import { formatWestern } from '../shared/dates';

// Walks the OpenAPI document of the running server: every operation, where it carries ids
// (path, query, body), and a request body built from its schema, so that tests can aim ids
// at every door without listing routes by hand.

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minimum?: number;
  minLength?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};

type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: { 'application/json'?: { schema?: Schema } } };
  responses?: Record<string, unknown>;
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

export type WalkedOperation = {
  method: string;
  path: string;
  pathParams: string[];
  queryIds: string[];
  /** Builds a body whose id fields are given by `idFor(fieldName)`; undefined when none. */
  body?: (idFor: (field: string) => string) => unknown;
  bodyIdFields: string[];
  /** The top-level fields of the JSON body. */
  bodyFields: string[];
};

const isIdField = (name: string) => /(^id$|Id$|Ids$)/.test(name);

function resolver(doc: OpenApiDocument) {
  return (schema: Schema | undefined): Schema => {
    let s = schema ?? {};
    while (s.$ref) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
    return s;
  };
}

/** A plausible value for a schema: ids from idFor, today's dates, first enum values. */
function sample(
  resolve: (s: Schema | undefined) => Schema,
  raw: Schema | undefined,
  name: string,
  idFor: (field: string) => string,
): unknown {
  const schema = resolve(raw);
  if (schema.const !== undefined) return schema.const;
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) {
    const first = choices.map(resolve).find((c) => c.type !== 'null') ?? choices[0];
    return sample(resolve, first, name, idFor);
  }
  if (schema.allOf?.[0]) return sample(resolve, schema.allOf[0], name, idFor);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(key);
        const carriesIds =
          isIdField(key) ||
          idFieldsOf(resolve, value).length > 0 ||
          idFieldsOf(resolve, resolve(value).items).length > 0;
        if (required || carriesIds) out[key] = sample(resolve, value, key, idFor);
      }
      return out;
    }
    case 'array': {
      const item = sample(resolve, schema.items, name.replace(/Ids$/, 'Id'), idFor);
      return isIdField(name) ? [item] : Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => item);
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid' || isIdField(name)) return idFor(name);
      if (schema.format === 'date') return formatWestern(now());
      if (schema.format === 'date-time') return now().toISOString();
      return 'テスト'.repeat(Math.max(1, Math.ceil((schema.minLength ?? 1) / 3)));
    default:
      return isIdField(name) ? idFor(name) : 'テスト';
  }
}

function idFieldsOf(
  resolve: (s: Schema | undefined) => Schema,
  raw: Schema | undefined,
  depth = 0,
): string[] {
  const schema = resolve(raw);
  if (depth > 4) return [];
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, value]) => [
    ...(isIdField(key) ? [key] : []),
    ...idFieldsOf(resolve, value, depth + 1),
    ...idFieldsOf(resolve, resolve(value).items, depth + 1),
  ]);
  return [...new Set([...own, ...nested.flatMap((n) => idFieldsOf(resolve, n, depth + 1))])];
}

export function walkOperations(doc: OpenApiDocument): WalkedOperation[] {
  const resolve = resolver(doc);
  const operations: WalkedOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const params = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryIds: params.filter((p) => p.in === 'query' && isIdField(p.name)).map((p) => p.name),
        bodyIdFields: bodySchema ? idFieldsOf(resolve, bodySchema) : [],
        bodyFields: Object.keys(resolve(bodySchema).properties ?? {}),
        body: bodySchema ? (idFor) => sample(resolve, bodySchema, '', idFor) : undefined,
      });
    }
  }
  return operations;
}
