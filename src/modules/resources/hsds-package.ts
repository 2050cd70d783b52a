import { type ImportIssue, issue, MAX_IMPORT_ROWS } from './directory-import.schemas';
import {
  type ReadOperator,
  type ReadOrganization,
  type ReadResource,
  type ReadService,
  readOrganization,
  readService,
} from './hsds-import-read';
import { validateHsds } from './hsds-validate';

// An HSDS document as tsunagu takes it in: its own export ({ organizations, services }), or a
// page of an HSDS API ({ contents: [service…] }), or a bare array of services. Every service
// and organization is checked against the HSDS 3.0 schemas first, then read.

export type PackageReading = { operators: ReadOperator[]; resources: ReadResource[]; issues: ImportIssue[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function servicesOf(doc: unknown): { list: unknown[]; key: string } | null {
  if (Array.isArray(doc)) return { list: doc, key: 'services' };
  if (!isObject(doc)) return null;
  if (Array.isArray(doc.services)) return { list: doc.services, key: 'services' };
  if (Array.isArray(doc.contents)) return { list: doc.contents, key: 'contents' };
  return null;
}

export function readPackage(doc: unknown): PackageReading {
  const reading: PackageReading = { operators: [], resources: [], issues: [] };
  const services = servicesOf(doc);
  if (!services) {
    reading.issues.push(
      issue(
        null,
        '（文書全体）',
        'HSDS のサービスの配列（services）が見つかりません。tsunagu が書き出した JSON を指定してください。',
      ),
    );
    return reading;
  }
  if (services.list.length > MAX_IMPORT_ROWS) {
    reading.issues.push(
      issue(
        null,
        services.key,
        `一度に取り込めるのは${MAX_IMPORT_ROWS}件までです（${services.list.length}件あります）。`,
      ),
    );
    return reading;
  }
  const organizations = isObject(doc) && Array.isArray(doc.organizations) ? doc.organizations : [];
  const seenOrganizations = new Map<string, ReadOrganization>();
  const takeOrganization = (value: unknown, base: string) => {
    const problems = validateHsds('organization.json', value, base);
    reading.issues.push(...problems.map((p) => issue(null, p.path, p.message)));
    if (problems.length > 0) return;
    const organization = value as ReadOrganization;
    if (seenOrganizations.has(organization.id)) return;
    seenOrganizations.set(organization.id, organization);
    const read = readOrganization(organization, base);
    reading.issues.push(...read.issues);
    if (read.operator) reading.operators.push(read.operator);
  };
  organizations.forEach((value, i) => {
    takeOrganization(value, `organizations[${i}]`);
  });

  const seenServices = new Set<string>();
  services.list.forEach((value, i) => {
    const base = `${services.key}[${i}]`;
    const problems = validateHsds('service.json', value, base);
    reading.issues.push(...problems.map((p) => issue(i + 1, p.path, p.message)));
    if (problems.length > 0) return;
    const service = value as ReadService;
    if (seenServices.has(service.id)) {
      reading.issues.push(
        issue(i + 1, `${base}.id`, `同じ id のサービスが2回以上あります（${service.id}）。`),
      );
      return;
    }
    seenServices.add(service.id);
    if (service.organization && !seenOrganizations.has(service.organization.id ?? '')) {
      takeOrganization(service.organization, `${base}.organization`);
    }
    const read = readService(service, i, base);
    reading.issues.push(...read.issues);
    if (read.resource && !seenOrganizations.has(read.resource.organizationId)) {
      reading.issues.push(
        issue(
          i + 1,
          `${base}.organization_id`,
          `運営団体 ${read.resource.organizationId} が organizations にありません。`,
        ),
      );
    } else if (read.resource) {
      reading.resources.push(read.resource);
    }
  });
  return reading;
}
