import { createHash } from 'node:crypto';

// HSDS gives every object (a schedule, a phone, a taxonomy term…) a UUID. tsunagu keeps only
// resources and operators as records; the ids of the objects around them are derived from
// their record's id (RFC 4122 version 5, name-based), so an export names the same object by
// the same id every time.

/** tsunagu's own namespace for name-based ids. */
const TSUNAGU_NAMESPACE = '5f1d4c52-8b0e-4f57-9a43-6b8f4d2c7e10';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** The name-based (version 5) UUID of a name within a namespace UUID. */
export function nameBasedUuid(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An object that belongs to a record: its schedule 2, its contact, its address… */
export const childId = (recordId: string, part: string) => nameBasedUuid(recordId, part);

/** A taxonomy of tsunagu's vocabularies, the same in every municipality. */
export const taxonomyId = (taxonomy: string) => nameBasedUuid(TSUNAGU_NAMESPACE, `taxonomy:${taxonomy}`);
export const termId = (taxonomy: string, code: string) =>
  nameBasedUuid(TSUNAGU_NAMESPACE, `term:${taxonomy}:${code}`);

/**
 * The id of an imported record in this municipality. A package's id names the record itself
 * when it is a record of this municipality (an export taken back in); any other id (another
 * municipality's, another system's) is mapped to an id of its own for this municipality, the
 * same on every import, so that importing the package again updates what it created.
 */
export const importedRecordId = (tenantId: string, kind: 'resource' | 'operator', packageId: string) =>
  nameBasedUuid(TSUNAGU_NAMESPACE, `import:${tenantId}:${kind}:${packageId}`);
