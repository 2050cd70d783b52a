import { createRoute, z } from '@hono/zod-openapi';
import { now } from '../../server/clock';
import { createRouter, requestContext } from '../../server/router';
import { formatWestern } from '../../shared/dates';
import { ZIdParam } from '../../shared/schema-helpers';
import { exportCaseFhir } from './fhir-case.service';

// Data out for other systems: a case as an HL7 FHIR R4 Bundle. Mounted under /api/cases.

const FHIR_JSON = 'application/fhir+json';

const ZFhirBundle = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('collection'),
    timestamp: z.string(),
    entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({}) })),
  })
  .openapi('FhirBundle');

export const fhirExportRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/{id}/fhir',
    tags: ['データの書き出し'],
    summary:
      '事例を HL7 FHIR R4 の Bundle（collection）で書き出す（世帯・同意・つなぎ・支援プラン・チーム。事例のページを開ける人だけ、監査ログに記録）',
    request: { params: ZIdParam },
    responses: {
      200: {
        description:
          'Patient・RelatedPerson・Group・Consent・ServiceRequest・Task・CarePlan・Goal・CareTeam・Organization・Practitioner',
        content: { [FHIR_JSON]: { schema: ZFhirBundle } },
      },
    },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const bundle = await exportCaseFhir(c.get('deps').db, requestContext(c), id);
    // the file name names the case by id only: never a resident's name
    return c.json(bundle, 200, {
      'content-type': `${FHIR_JSON}; charset=utf-8`,
      'content-disposition': `attachment; filename="tsunagu-case-${id}-${formatWestern(now())}.fhir.json"`,
    });
  },
);
