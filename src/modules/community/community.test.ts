import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import type { SafeCount } from '../../shared/small-counts';
import { type CaseWorld, openWorldCase, startCaseWorld, today } from '../../testing/case-world';
import { type SecondCity, startSecondCity } from '../../testing/second-city';
import type { AreaPage, Overview } from './areas-community.schemas';
import type { Project } from './projects.schemas';
import type { RegionalIssue } from './regional-issues.schemas';

// 地域づくり through real HTTP on the demo city: the overview of cases by issue × area with
// small counts hidden (and not to be had by subtraction), regional issues from raising to a
// project, and who may see what: a community worker gets counts, never a case.

let world: CaseWorld;
let other: SecondCity;
let caseId = '';
const area: Record<string, string> = {};
const as = (who: Parameters<CaseWorld['as']>[0]) => world.as(who);
const idOf = (areaName: string) => area[areaName] ?? '';
type Err = { error?: { code: string; message: string } };
const shown = (c: SafeCount | undefined) => (c?.belowThreshold ? 'hidden' : c?.count);

beforeAll(async () => {
  world = await startCaseWorld();
  other = await startSecondCity(world.server);
  caseId = await openWorldCase(world);
  const areas = await as('coordinator').get<{ areas: { id: string; name: string }[] }>('/api/areas');
  for (const a of areas.body.areas) area[a.name] = a.id;
});
afterAll(async () => {
  await world.server.close();
});

const overview = async (who: Parameters<CaseWorld['as']>[0] = 'coordinator', query = '') =>
  as(who).get<Overview & Err>(`/api/community/overview${query}`);

describe('the overview of cases by issue and area', () => {
  it('shows the 東部圏域 pattern and hides the 地区 that would give a small count away', async () => {
    const { status, body } = await overview();
    expect(status).toBe(200);
    const hikikomori = body.rows.find((r) => r.code === 'hikikomori');
    // five demo households in 朝日地区 (3) and 東町地区 (2); the world's household has no 地区
    expect(shown(hikikomori?.current[idOf('東部圏域')])).toBe(5);
    expect(shown(hikikomori?.current[idOf('朝日地区')])).toBe('hidden');
    expect(shown(hikikomori?.current[idOf('東町地区')])).toBe('hidden');
    expect(shown(hikikomori?.current.none)).toBe('hidden');
    expect(shown(hikikomori?.previous[idOf('東部圏域')])).toBe(0);
    expect(JSON.stringify(body)).not.toMatch(/石田|早川|松岡|summary/);
  });

  it('counts a household in the 地区 it is set to, which must be a 地区', async () => {
    const zone = await as('coordinator').request<Err>('PUT', `/api/households/${world.householdId}/area`, {
      areaId: idOf('北部圏域'),
    });
    expect(zone.status).toBe(400);
    expect(zone.body.error?.code).toBe('AREA_NOT_DISTRICT');
    const set = await as('coordinator').request('PUT', `/api/households/${world.householdId}/area`, {
      areaId: idOf('北山地区'),
    });
    expect(set.status).toBe(200);
    const { body } = await overview();
    const poverty = body.rows.find((r) => r.code === 'poverty');
    expect(shown(poverty?.current[idOf('北山地区')])).toBe('hidden');
    expect(shown(poverty?.current.none)).toBe(0);
  });

  it('never shows a sensitive category below 10', async () => {
    const added = await as('houkatsu').post('/api/consultations', {
      receivedAt: `${today()}T11:00:00+09:00`,
      channel: 'phone',
      broughtBy: 'family',
      householdId: world.householdId,
      mainComplaint: '家族から暴力を受けている。',
      issues: ['domestic_violence'],
      outcome: 'handled_here',
      shareConsent: 'given',
      consentMethod: 'oral',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const { body } = await overview();
    const dv = body.rows.find((r) => r.code === 'domestic_violence');
    expect(dv?.threshold).toBe(10);
    expect(Object.values(dv?.current ?? {}).every((c) => c.count === 0 || c.belowThreshold)).toBe(true);
  });

  it('is for those at work on the community, counted per fiscal year', async () => {
    expect((await overview('community')).status).toBe(200);
    expect((await overview('admin')).status).toBe(403);
    expect((await overview('lawyer')).status).toBe(403);
    const lastYear = await overview('coordinator', '?fiscalYear=2020');
    expect(lastYear.body.rows).toEqual([]);
  });
});

describe('regional issues', () => {
  let issue: RegionalIssue;

  it('is raised from the overview in one step, with its evidence the overview’s own cells', async () => {
    const raised = await as('coordinator').post<RegionalIssue & Err>('/api/community/issues', {
      title: 'ひきこもり×8050が東部圏域に多い',
      description: '東部圏域でひきこもりの子と高齢の親の世帯が続いている。',
      areaIds: [idOf('東部圏域')],
      issueCodes: ['hikikomori', '8050'],
      source: 'overview',
      raisedOn: today(),
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    issue = raised.body;
    expect(issue.status).toBe('raised');
    const cell = issue.evidence.cases.find((c) => c.code === 'hikikomori')?.current[idOf('東部圏域')];
    const { body } = await overview();
    expect(cell).toEqual(body.rows.find((r) => r.code === 'hikikomori')?.current[idOf('東部圏域')]);
  });

  it('refuses unknown categories and other cities’ areas and cases', async () => {
    const base = { title: 't', description: 'd', source: 'overview', raisedOn: today() };
    const code = await as('coordinator').post<Err>('/api/community/issues', {
      ...base,
      issueCodes: ['nope'],
    });
    expect(code.body.error?.code).toBe('UNKNOWN_ISSUE_CODE');
    const otherArea = await as('coordinator').post('/api/community/issues', {
      ...base,
      areaIds: [other.ids.area],
    });
    expect(otherArea.status).toBe(404);
    const otherCase = await as('coordinator').post(`/api/community/issues/${issue.id}/cases`, {
      caseId: other.ids.case,
    });
    expect(otherCase.status).toBe(404);
    expect((await other.as('coordinator').get(`/api/community/issues/${issue.id}`)).status).toBe(404);
  });

  it('moves 抽出 → 協議中 with the body it went to, refusing a skipped step and a stale version', async () => {
    const skip = await as('coordinator').post<Err>(`/api/community/issues/${issue.id}/moves`, {
      version: issue.version,
      to: 'project',
      on: today(),
    });
    expect(skip.status).toBe(409);
    expect(skip.body.error?.code).toBe('INVALID_MOVE');
    const noBody = await as('coordinator').post<Err>(`/api/community/issues/${issue.id}/moves`, {
      version: issue.version,
      to: 'under_discussion',
      on: today(),
    });
    expect(noBody.body.error?.code).toBe('BODY_REQUIRED');
    const moved = await as('coordinator').post<RegionalIssue>(`/api/community/issues/${issue.id}/moves`, {
      version: issue.version,
      to: 'under_discussion',
      on: today(),
      body: '多機関協働推進委員会',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'under_discussion', proposedTo: '多機関協働推進委員会' });
    const stale = await as('community').patch<Err>(`/api/community/issues/${issue.id}`, {
      version: issue.version,
      title: '古い画面からの変更',
    });
    expect(stale.status).toBe(409);
    issue = moved.body;
  });

  it('links a case only for those who may see it; a community worker sees the count, never the case', async () => {
    expect((await as('community').post(`/api/community/issues/${issue.id}/cases`, { caseId })).status).toBe(
      403,
    );
    const linked = await as('coordinator').post<RegionalIssue>(`/api/community/issues/${issue.id}/cases`, {
      caseId,
    });
    expect(linked.body.visibleCases.map((c) => c.id)).toEqual([caseId]);
    const seen = await as('community').get<RegionalIssue>(`/api/community/issues/${issue.id}`);
    expect(seen.body.visibleCases).toEqual([]);
    expect(seen.body.evidence.linkedCases).toEqual({ count: null, belowThreshold: true });
    expect(JSON.stringify(seen.body)).not.toContain(caseId);
    expect((await as('community').get(`/api/cases/${caseId}`)).status).toBe(403);
    const byCase = await as('community').get(`/api/community/issues?caseId=${caseId}`);
    expect(byCase.status).toBe(404);
    // the reads are audited: the coordinator's names the case shown, the refused list the case asked for
    const audit = await queryRows<{
      action: string;
      outcome: string;
      detail: unknown;
      target_id: string | null;
    }>(
      world.server.handle.owner,
      sql`select action, outcome, detail, target_id from audit_log order by id desc limit 40`,
    );
    const read = audit.find(
      (a) => a.action === 'regional_issue.read' && JSON.stringify(a.detail).includes(caseId),
    );
    expect(read?.outcome).toBe('success');
    expect(audit.some((a) => a.outcome === 'denied' && a.target_id === caseId)).toBe(true);
  });

  it('becomes a project that creates a resource; the issue’s history tells each step', async () => {
    const resources = await as('community').get<{ resources: { id: string; name: string }[] }>(
      '/api/resources',
    );
    const place = resources.body.resources.find((r) => r.name === 'ひだまりの居場所');
    const created = await as('community').post<Project & Err>('/api/community/projects', {
      title: '東部の居場所づくり',
      aim: '本人が日中に立ち寄れる場所をつくる',
      startsOn: today(),
      issueIds: [issue.id],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const withPlace = await as('community').post<Project>(
      `/api/community/projects/${created.body.id}/resources`,
      {
        resourceId: place?.id,
      },
    );
    expect(withPlace.body.resources.map((r) => r.name)).toEqual(['ひだまりの居場所']);
    const again = await as('community').post<Err>(`/api/community/projects/${created.body.id}/resources`, {
      resourceId: place?.id,
    });
    expect(again.body.error?.code).toBe('RESOURCE_LINKED');
    const after = await as('houkatsu').get<RegionalIssue>(`/api/community/issues/${issue.id}`);
    expect(after.body.status).toBe('project');
    expect(after.body.events.map((e) => e.toStatus)).toEqual(['raised', 'under_discussion', 'project']);
    expect(after.body.projects.map((p) => p.title)).toEqual(['東部の居場所づくり']);
    const project = { title: 'x', aim: 'y', startsOn: today(), issueIds: [issue.id] };
    expect((await as('houkatsu').post('/api/community/projects', project)).status).toBe(403);
  });

  it('has the demo issue raised by a meeting and taken up by a project', async () => {
    const list = await as('community').get<{ issues: { id: string; source: string }[] }>(
      '/api/community/issues',
    );
    const fromMeeting = list.body.issues.find((i) => i.source === 'meeting');
    const page = await as('community').get<RegionalIssue>(`/api/community/issues/${fromMeeting?.id}`);
    expect(page.body.sourceMeeting?.bodyName).toBe('重層的支援会議');
    expect(page.body.status).toBe('project');
    // linked cases are counted as strictly as a sensitive category: 5 shows as 「10件未満」
    expect(page.body.evidence).toMatchObject({ linkedCases: { belowThreshold: true }, linkedThreshold: 10 });
    expect(page.body.visibleCases).toEqual([]);
  });
});

describe('a meeting that raises an issue from a tabled case', () => {
  it('links the case and copies nothing the meeting said about the resident', async () => {
    const bodies = await as('coordinator').get<{ items: { id: string; name: string }[] }>(
      '/api/meetings/bodies',
    );
    const session = await as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
      bodyId: bodies.body.items.find((b) => b.name === '支援会議（法第106条の6）')?.id,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const tabled = await as('coordinator').post<{ items: { id: string }[] }>(
      `/api/meetings/sessions/${session.body.id}/items`,
      { kind: 'case', caseId },
    );
    const itemId = tabled.body.items[0]?.id;
    const decided = await as('coordinator').post(
      `/api/meetings/sessions/${session.body.id}/items/${itemId}/decisions`,
      { type: 'regional_issue', content: '松岡トメさんの息子の件は、地域に居場所がないことが背景にある。' },
    );
    expect(decided.status, JSON.stringify(decided.body)).toBeLessThan(300);
    const list = await as('community').get<{ issues: { id: string; source: string }[] }>(
      '/api/community/issues',
    );
    const raised = list.body.issues.filter((i) => i.source === 'meeting');
    const pages = await Promise.all(
      raised.map((i) => as('community').get<RegionalIssue>(`/api/community/issues/${i.id}`)),
    );
    const fromCase = pages.find((p) => p.body.sourceMeeting?.bodyName === '支援会議（法第106条の6）');
    expect(fromCase?.body.description).toContain('個人が特定されない言葉で');
    expect(JSON.stringify(fromCase?.body)).not.toMatch(/松岡|トメ/);
    const coordinatorView = await as('coordinator').get<RegionalIssue>(
      `/api/community/issues/${fromCase?.body.id}`,
    );
    expect(coordinatorView.body.visibleCases.map((c) => c.id)).toEqual([caseId]);
  });
});

describe('area profiles', () => {
  const put = (who: Parameters<CaseWorld['as']>[0], fy: number, body: unknown) =>
    as(who).request<AreaPage & Err>('PATCH', `/api/community/areas/${idOf('川辺地区')}/profiles/${fy}`, body);

  it('keeps each year, changes only what is sent, and refuses a second creation or a stale version', async () => {
    const created = await put('community', 2030, {
      version: null,
      population: 8000,
      vision: '川辺のビジョン',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await put('coordinator', 2030, { version: null, population: 1 })).body.error?.code).toBe(
      'PROFILE_EXISTS',
    );
    const version = created.body.profile?.version ?? 0;
    const changed = await put('community', 2030, { version, population: 8100 });
    expect(changed.body.profile).toMatchObject({ population: 8100, vision: '川辺のビジョン' });
    expect((await put('community', 2030, { version, population: 1 })).status).toBe(409);
    expect((await put('houkatsu', 2030, { version: null })).status).toBe(403);
    const impossible = await put('community', 2030, { version: version + 1, aged65: 9000 });
    expect(impossible.body.error?.code).toBe('FIGURES_INCONSISTENT');
  });

  it('imports figures from CSV, all rows or none', async () => {
    const csv = (rows: string[]) =>
      `\uFEFF地区名,人口,65歳以上人口,自治会・町会加入率,外国籍住民数\r\n${rows.join('\r\n')}`;
    const send = (text: string, dryRun: boolean) =>
      as('community').request<
        { issues: { row: number; message: string }[]; created: number; rows: number } & Err
      >('POST', `/api/community/areas/profiles/import?fiscalYear=2031&dryRun=${dryRun}`, text, {
        'content-type': 'text/csv',
      });
    const bad = await send(csv(['川辺地区,"9,500",2800,61.5%,120', '存在しない地区,1,1,1,1']), false);
    expect(bad.body.issues.map((i) => i.row)).toEqual([3]);
    const page = async () =>
      as('community').get<AreaPage>(`/api/community/areas/${idOf('川辺地区')}?fiscalYear=2031`);
    expect((await page()).body.profile).toBeNull();
    const wide = `地区名,${Array.from({ length: 21 }, (_, i) => `項目${i}`).join(',')}\r\n川辺地区,${Array(21).fill('1').join(',')}`;
    expect((await send(wide, false)).body.issues[0]?.message).toContain('20');
    const good = await send(csv(['川辺地区,"9,500",2800,61.5%,120']), false);
    expect(good.body).toMatchObject({ rows: 1, created: 1, issues: [] });
    expect((await page()).body.profile).toMatchObject({
      population: 9500,
      aged65: 2800,
      associationRate: 61.5,
      extraFigures: [{ label: '外国籍住民数', value: 120, unit: '' }],
    });
  });
});
