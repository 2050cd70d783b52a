import {
  ACTIVITIES,
  ACTIVITY_LABELS,
  OPERATOR_KIND_LABELS,
  OPERATOR_KINDS,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  TARGET_ATTRIBUTE_LABELS,
  TARGET_ATTRIBUTES,
} from '../../shared/participation-vocabulary';
import type { HsdsAttribute, HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds.types';
import { taxonomyId, termId } from './hsds-ids';

// tsunagu's vocabularies as HSDS taxonomies: one term per code, named in Japanese. The kinds
// of resource are the taxonomy "tsunagu-resource-kind"; what tsunagu keeps beyond the
// specification's fields (the receiving side's support, capacity) is "tsunagu-detail".

export const EVERYONE = 'everyone';

type TaxonomySpec = { name: string; description: string; terms: Record<string, string> };

export const TAXONOMIES = {
  'tsunagu-resource-kind': {
    name: 'tsunagu-resource-kind',
    description: '社会資源の種別（tsunagu）',
    terms: RESOURCE_KIND_LABELS,
  },
  'tsunagu-activity': {
    name: 'tsunagu-activity',
    description: 'その場でできること（tsunagu）',
    terms: ACTIVITY_LABELS,
  },
  'tsunagu-target': {
    name: 'tsunagu-target',
    description: '対象（tsunagu）。everyone は「どなたでも」',
    terms: { [EVERYONE]: 'どなたでも', ...TARGET_ATTRIBUTE_LABELS },
  },
  'tsunagu-operator-kind': {
    name: 'tsunagu-operator-kind',
    description: '運営団体の種別（tsunagu）',
    terms: OPERATOR_KIND_LABELS,
  },
  'tsunagu-detail': {
    name: 'tsunagu-detail',
    description: 'HSDS の項目にない社会資源の情報（tsunagu）。値は value に入る',
    terms: {
      receiving_support: '受け入れ側ができる配慮・支援',
      capacity: '定員',
      places_free: '空き',
      availability: '受け入れ状況',
    },
  },
} satisfies Record<string, TaxonomySpec>;

export type TaxonomyName = keyof typeof TAXONOMIES;
export type DetailCode = keyof (typeof TAXONOMIES)['tsunagu-detail']['terms'];

export const TAXONOMY_VERSION = '1';

export function taxonomy(name: TaxonomyName): HsdsTaxonomy {
  const spec: TaxonomySpec = TAXONOMIES[name];
  return { id: taxonomyId(name), name: spec.name, description: spec.description, version: TAXONOMY_VERSION };
}

export function term(name: TaxonomyName, code: string): HsdsTaxonomyTerm {
  const spec: TaxonomySpec = TAXONOMIES[name];
  const label = spec.terms[code] ?? code;
  return {
    id: termId(name, code),
    code,
    name: label,
    description: label,
    taxonomy: name,
    taxonomy_id: taxonomyId(name),
    language: 'ja',
  };
}

export const allTaxonomies = () => (Object.keys(TAXONOMIES) as TaxonomyName[]).map(taxonomy);
export const allTerms = () =>
  (Object.keys(TAXONOMIES) as TaxonomyName[]).flatMap((name) =>
    Object.keys(TAXONOMIES[name].terms).map((code) => term(name, code)),
  );

/** A link from a record (service or organization) to a term, with a value when the term carries one. */
export function attribute(
  linkId: string,
  linkEntity: 'service' | 'organization',
  name: TaxonomyName,
  code: string,
  value?: string,
): HsdsAttribute {
  const linked = term(name, code);
  return {
    id: termId(`${linkId}:${name}`, code),
    link_id: linkId,
    link_entity: linkEntity,
    link_type: name,
    taxonomy_term_id: linked.id,
    ...(value !== undefined ? { value } : {}),
    taxonomy_term: linked,
  };
}

const termIndex = new Map(
  (Object.keys(TAXONOMIES) as TaxonomyName[]).flatMap((name) =>
    Object.keys(TAXONOMIES[name].terms).map(
      (code) => [termId(name, code), { taxonomy: name, code }] as const,
    ),
  ),
);

/** Which of tsunagu's terms an attribute names: by its term id, or by its term's taxonomy and code. */
export function termOf(attr: {
  taxonomy_term_id?: unknown;
  taxonomy_term?: { taxonomy?: unknown; code?: unknown };
}): { taxonomy: TaxonomyName; code: string } | null {
  const byId = typeof attr.taxonomy_term_id === 'string' ? termIndex.get(attr.taxonomy_term_id) : undefined;
  if (byId) return byId;
  const named = attr.taxonomy_term;
  if (typeof named?.taxonomy !== 'string' || typeof named.code !== 'string') return null;
  if (!(named.taxonomy in TAXONOMIES)) return null;
  const name = named.taxonomy as TaxonomyName;
  return named.code in TAXONOMIES[name].terms ? { taxonomy: name, code: named.code } : null;
}

export const KNOWN_CODES = {
  kinds: new Set<string>(RESOURCE_KINDS),
  activities: new Set<string>(ACTIVITIES),
  targets: new Set<string>(TARGET_ATTRIBUTES),
  operatorKinds: new Set<string>(OPERATOR_KINDS),
};
