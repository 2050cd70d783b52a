import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { projectFile } from '../../server/project-files';

// The HSDS 3.0 schemas (standards/hsds-3.0, JSON Schema 2020-12), each registered under its
// file name so that their relative $refs ("phone.json") resolve. Validation answers in
// Japanese, naming the place in the document (services[3].schedules[0].opens_at).

export const HSDS_SCHEMA_FOLDER = pathToFileURL(`${projectFile('standards/hsds-3.0')}/`);

export type HsdsSchemaName =
  | 'organization.json'
  | 'service.json'
  | 'taxonomy.json'
  | 'taxonomy_term.json'
  | 'location.json'
  | 'service_at_location.json';

export type DocumentIssue = { path: string; message: string };

let compiled: Ajv2020 | null = null;

/** One validator for the process: the schemas are compiled once, on first use. */
export function hsdsValidator(): Ajv2020 {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(HSDS_SCHEMA_FOLDER).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(new URL(file, HSDS_SCHEMA_FOLDER), 'utf8')), file);
  }
  compiled = ajv;
  return ajv;
}

/** "/schedules/0/opens_at" under "services[3]" → "services[3].schedules[0].opens_at". */
function placeOf(base: string, instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = base;
  for (const part of [...parts, ...(extra ? [extra] : [])]) {
    path += /^\d+$/.test(part) ? `[${part}]` : `${path ? '.' : ''}${part}`;
  }
  return path;
}

const FORMAT_LABELS: Record<string, string> = {
  uuid: 'UUID（例: 3f7b145d-84af-42d7-8fae-eaca714b02b2）',
  email: 'メールアドレス',
  uri: 'URL',
  'date-time': '日時（例: 2025-04-01T10:00:00Z）',
};
const TYPE_LABELS: Record<string, string> = {
  string: '文字列',
  number: '数値',
  integer: '整数',
  array: '配列',
  object: 'オブジェクト',
  boolean: '真偽値',
};

export function japaneseIssue(base: string, error: ErrorObject): DocumentIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return {
        path: placeOf(base, error.instancePath, field),
        message: `必須の項目「${field}」がありません。`,
      };
    }
    case 'format':
      return {
        path: placeOf(base, error.instancePath),
        message: `${FORMAT_LABELS[String(params.format)] ?? String(params.format)}の形式になっていません。`,
      };
    case 'type':
      return {
        path: placeOf(base, error.instancePath),
        message: `${TYPE_LABELS[String(params.type)] ?? String(params.type)}で指定してください。`,
      };
    case 'enum':
      return {
        path: placeOf(base, error.instancePath),
        message: `次のいずれかにしてください: ${(params.allowedValues as unknown[]).join('、')}`,
      };
    default:
      return {
        path: placeOf(base, error.instancePath),
        message: `HSDS 3.0 の定義に合っていません（${error.keyword}）。`,
      };
  }
}

/** The object's problems against one HSDS schema; none when it is valid. */
export function validateHsds(schema: HsdsSchemaName, value: unknown, base: string): DocumentIssue[] {
  const validate = hsdsValidator().getSchema(schema);
  if (!validate) throw new Error(`HSDS schema ${schema} is not registered`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => japaneseIssue(base, error));
}
