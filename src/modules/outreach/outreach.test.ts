import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, now, resetClockForTests } from '../../server/clock';
import { type CaseWorld, DAY, startCaseWorld, today, type Who } from '../../testing/case-world';
import type { OutreachPacket, Session } from '../meetings/meetings.schemas';
import type {
  OutreachCounts,
  OutreachHistory,
  OutreachRecord,
  Partner,
  RecordSummary,
} from './outreach.schemas';

// アウトリーチ over real HTTP: a report from a watch partner, the relationship stage by stage
// (and the moves refused), stale records with a clock moved forward, consent turning the record
// into a consultation that carries the history, and who may see what.

let world: CaseWorld;
let recordId = '';
let partners: Partner[] = [];
const as = (who: Who) => world.as(who);
type Refusal = { error?: { code: string; message: string } };
const OBSERVED = '検針のたびに郵便受けがあふれ、2か月続けて水道の使用量がほぼゼロ。夜に明かりはつく。';

const record = (who: Who = 'outreach') =>
  as(who).get<OutreachRecord & Refusal>(`/api/outreach/records/${recordId}`);
const activity = (payload: Record<string, unknown>) =>
  as('outreach').post<OutreachRecord & Refusal>(`/api/outreach/records/${recordId}/activities`, {
    happenedOn: today(),
    ...payload,
  });
const stage = (to: string, extra: Record<string, unknown> = {}) =>
  as('outreach').post<OutreachRecord & Refusal>(`/api/outreach/records/${recordId}/stage`, { to, ...extra });
const queue = (who: Who) =>
  as(who).get<{ items: { recordId: string; kind: string }[] }>('/api/outreach/work-queue');
const myReports = () =>
  as('houkatsu').get<{ reports: { id: string; followUp: string }[] }>('/api/outreach/my-reports');

async function logInAfterClockMove(days: number) {
  advanceClockForTests(days * DAY);
  await world.logInEveryone();
}

beforeAll(async () => {
  world = await startCaseWorld();
  partners = (await as('houkatsu').get<{ partners: Partner[] }>('/api/outreach/partners')).body.partners;
});
afterAll(async () => {
  resetClockForTests();
  await world.server.close();
});

describe('a report of concern', () => {
  it('the demo city has its watch partners; only the outreach team keeps the list', async () => {
    expect(partners.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['postal', 'water_meter', 'coop_delivery']),
    );
    const refused = await as('houkatsu').post<Refusal>('/api/outreach/partners', {
      name: 'つなぐ電力',
      kind: 'utility',
    });
    expect(refused.status).toBe(403);
    const added = await as('outreach').post<{ partners: Partner[] }>('/api/outreach/partners', {
      name: 'つなぐ電力',
      kind: 'utility',
      agreedOn: '2025-04-01',
      reportsWhat: '電気料金の滞納が続き、訪問しても応答がない',
    });
    expect(added.status).toBe(201);
    expect(added.body.partners.find((p) => p.name === 'つなぐ電力')).toMatchObject({
      agreedOn: '2025-04-01',
    });
  });

  it('any front-line worker takes one; a danger to life is at once in the team’s queues', async () => {
    const meter = partners.find((p) => p.kind === 'water_meter') as Partner;
    const missingPartner = await as('houkatsu').post<Refusal>('/api/outreach/reports', {
      receivedOn: today(),
      reporterKind: 'watch_partner',
      observed: OBSERVED,
      risk: 'life',
    });
    expect(missingPartner.status).toBe(400);
    const filed = await as('houkatsu').post<{ reportId: string; recordId: string | null }>(
      '/api/outreach/reports',
      {
        receivedOn: today(),
        reporterKind: 'watch_partner',
        partnerId: meter.id,
        location: '桜台3丁目',
        observed: OBSERVED,
        peopleConcerned: '70代くらいの男性、一人暮らしらしい',
        risk: 'life',
      },
    );
    expect(filed.status).toBe(201);
    expect(filed.body.recordId).toBeNull(); // the reporter is not told where it went
    const list = await as('outreach').get<{ records: RecordSummary[] }>('/api/outreach/records');
    const found = list.body.records.find((r) => r.label === '桜台3丁目の気になる人・世帯');
    expect(found).toMatchObject({ stage: 'not_contacted', risk: 'life', assignees: [] });
    recordId = found?.id ?? '';
    for (const who of ['outreach', 'coordinator'] as const) {
      expect((await queue(who)).body.items).toContainEqual(
        expect.objectContaining({ recordId, kind: 'life_risk' }),
      );
    }
    expect((await queue('houkatsu')).body.items).toEqual([]);
  });

  it('the reporter sees that it was received, never the details; others outside the team see nothing', async () => {
    const mine = await myReports();
    expect(mine.body.reports[0]).toMatchObject({ reporterKind: 'watch_partner', followUp: 'received' });
    expect(JSON.stringify(mine.body)).not.toMatch(/桜台|郵便受け|70代/);
    expect((await as('houkatsu').get('/api/outreach/records')).status).toBe(403);
    for (const who of ['houkatsu', 'manager', 'admin', 'lawyer'] as const) {
      expect((await record(who)).status).toBe(403);
    }
  });
});

describe('the relationship', () => {
  it('moves to 接触を試みている with the first attempt, and refuses skipped steps', async () => {
    const { version } = (await as('outreach').get<OutreachRecord>(`/api/outreach/records/${recordId}`)).body;
    const assigned = await as('outreach').patch<OutreachRecord>(`/api/outreach/records/${recordId}`, {
      assigneeIds: [await world.userIdOf('outreach')],
      version,
    });
    expect(assigned.body.assignees.map((a) => a.name)).toEqual(['西田 翔']);
    expect(assigned.body.location).toBe('桜台3丁目'); // untouched by a change of workers
    const notStaff = await as('outreach').patch<Refusal>(`/api/outreach/records/${recordId}`, {
      assigneeIds: [await world.userIdOf('houkatsu')],
      version: assigned.body.version,
    });
    expect(notStaff.body.error?.code).toBe('NOT_OUTREACH_STAFF');
    const absent = await activity({
      kind: 'contact',
      means: 'visit',
      result: 'absent',
      notes: '応答なし。置き手紙を残した。',
      nextContactOn: today(),
    });
    expect(absent.body.stage).toBe('attempting');
    expect((await queue('outreach')).body.items).toContainEqual(
      expect.objectContaining({ recordId, kind: 'contact_due' }),
    );
    const skipped = await stage('can_consult');
    expect(skipped.status).toBe(409);
    expect(skipped.body.error).toMatchObject({ code: 'INVALID_OUTREACH_TRANSITION' });
    expect(skipped.body.error?.message).toContain('「接触を試みている」から「相談できる関係」には進めません');
    const toConsent = await stage('consented');
    expect(toConsent.body.error?.code).toBe('CONSENT_THROUGH_CONSULTATION');
    expect((await record()).body.stage).toBe('attempting');
  });

  it('records information gathering before consent as such, without moving the stage', async () => {
    const gathered = await activity({
      kind: 'info_gathering',
      withWhom: '北部地域包括支援センター',
      notes: '介護保険の利用なし。以前、民生委員が訪問したが会えなかった。',
    });
    expect(gathered.body.stage).toBe('attempting');
    expect(gathered.body.activities.at(-1)).toMatchObject({
      kind: 'info_gathering',
      means: null,
      result: null,
    });
    // Information gathering does not cancel the contact planned for today.
    expect((await queue('outreach')).body.items).toContainEqual(
      expect.objectContaining({ recordId, kind: 'contact_due' }),
    );
    const noMeans = await activity({ kind: 'contact', result: 'absent' });
    expect(noMeans.status).toBe(400);
  });

  it('adds a later report to the record the team keeps, keeping the higher risk', async () => {
    const report = {
      receivedOn: today(),
      reporterKind: 'family',
      observed: '別居の妹から：電話に出ない。',
      risk: 'high',
    };
    const outsider = await as('houkatsu').post<Refusal>('/api/outreach/reports', { ...report, recordId });
    expect(outsider.status).toBe(403);
    const added = await as('outreach').post<{ recordId: string }>('/api/outreach/reports', {
      ...report,
      recordId,
    });
    expect(added.body.recordId).toBe(recordId);
    const after = await record();
    expect(after.body.risk).toBe('life');
    expect(after.body.reports.map((r) => r.reporterKind)).toEqual(['watch_partner', 'family']);
  });

  it('shows the record as stale when no attempt has been made for the set number of days', async () => {
    await logInAfterClockMove(30);
    let stale = await as('outreach').get<{ records: RecordSummary[] }>('/api/outreach/records?view=stale');
    expect(stale.body.records.map((r) => r.id)).not.toContain(recordId);
    await logInAfterClockMove(1);
    stale = await as('outreach').get<{ records: RecordSummary[] }>('/api/outreach/records?view=stale');
    expect(stale.body.records.map((r) => r.id)).toContain(recordId);
    expect((await myReports()).body.reports[0]?.followUp).toBe('following_up');
  });

  it('meets the person, builds the relationship step by step, and says it is no longer stale', async () => {
    const met = await activity({
      kind: 'contact',
      means: 'joint_visit',
      result: 'talked',
      withWhom: '民生委員',
    });
    expect(met.body).toMatchObject({ stage: 'met', stale: false, lastContactOn: today() });
    expect((await stage('building', { note: '週1回の訪問を受け入れてくれた' })).body.stage).toBe('building');
    const ready = await stage('can_consult');
    expect(ready.body.stage).toBe('can_consult');
    expect(ready.body.stageChanges.map((c) => c.toStage)).toEqual([
      'not_contacted',
      'attempting',
      'met',
      'building',
      'can_consult',
    ]);
  });
});

describe('a 支援会議 may discuss the record before consent', () => {
  let sessionId = '';
  const newSession = async (bodyName: string) => {
    const bodies = await as('coordinator').get<{ items: { id: string; name: string }[] }>(
      '/api/meetings/bodies',
    );
    const created = await as('coordinator').post<{ id: string }>('/api/meetings/sessions', {
      bodyId: bodies.body.items.find((b) => b.name === bodyName)?.id,
      startsAt: new Date(now().getTime() - 60_000).toISOString(),
    });
    return created.body.id;
  };
  const table = (id: string) =>
    as('coordinator').post<Session & Refusal>(`/api/meetings/sessions/${id}/items`, {
      kind: 'outreach',
      outreachRecordId: recordId,
    });
  const packet = (who: Who) =>
    as(who).get<OutreachPacket & Refusal>(`/api/meetings/sessions/${sessionId}/outreach/${recordId}`);

  it('refuses a body that needs consent, and takes it at the 支援会議', async () => {
    const refused = await table(await newSession('重層的支援会議'));
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('CONSENT_REQUIRED_FOR_BODY');
    expect(refused.body.error?.message).toContain('支援会議（法第106条の6）で検討してください');
    sessionId = await newSession('支援会議（法第106条の6）');
    const tabled = await table(sessionId);
    expect(tabled.status).toBe(200);
    expect(tabled.body.items[0]).toMatchObject({
      kind: 'outreach',
      caseTitle: '桜台3丁目の気になる人・世帯',
    });
  });

  it('shows the attendees the reports and contacts once handed out, audited with the session', async () => {
    const lawyerId = await world.userIdOf('lawyer');
    await as('coordinator').post(`/api/meetings/sessions/${sessionId}/attendees`, {
      userId: lawyerId,
      confidentialityNotifiedOn: today(),
    });
    expect((await packet('lawyer')).body.error?.code).toBe('PACKET_NOT_READY');
    await as('coordinator').post(`/api/meetings/sessions/${sessionId}/prepare`, {});
    const read = await packet('lawyer');
    expect(read.status).toBe(200);
    expect(read.body.record.reports[0]?.observed).toBe(OBSERVED);
    expect(read.body.record.activities[0]).toMatchObject({ result: 'absent' });
    expect((await record('lawyer')).status).toBe(403);
    const audit = await as('manager').get<{ rows: { detail: { session?: string } }[] }>(
      `/api/audit?action=meeting.packet_read&targetId=${recordId}`,
    );
    expect(audit.body.rows.map((r) => r.detail.session)).toContain(sessionId);
  });
});

describe('consent opens a consultation with the history', () => {
  const consultation = (extra: Record<string, unknown>) => ({
    receivedAt: `${today()}T14:00:00+09:00`,
    channel: 'home_visit',
    broughtBy: 'self',
    newPerson: {
      familyName: '桜井',
      givenName: '健一',
      familyNameKana: 'サクライ',
      givenNameKana: 'ケンイチ',
    },
    newHouseholdName: '桜井さん世帯',
    mainComplaint: '長くひきこもり、生活費が尽きかけている。相談してみたい。',
    issues: ['hikikomori', 'poverty'],
    outcome: 'refer_multi_agency',
    referral: {
      toOrganisationId: null,
      reason: '生活・健康・住まいの複数の課題',
      actionsTaken: '半年の訪問で関係をつくった',
    },
    outreachRecordId: recordId,
    ...extra,
  });

  it('refuses without consent and leaves nothing half-written', async () => {
    const refused = await as('outreach').post<Refusal>(
      '/api/consultations',
      consultation({ shareConsent: 'not_asked' }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('OUTREACH_CONSENT_REQUIRED');
    const people = await as('coordinator').get<{ people: unknown[] }>('/api/people?q=サクライ');
    expect(people.body.people).toEqual([]);
    expect((await record()).body.stage).toBe('can_consult');
  });

  it('opens the consultation, closes the record as 同意を得た, and the case carries the history', async () => {
    const opened = await as('outreach').post<{ id: string; householdId: string; referralIds: string[] }>(
      '/api/consultations',
      consultation({ shareConsent: 'given', consentMethod: 'written' }),
    );
    expect(opened.status).toBe(201);
    const closed = await record();
    expect(closed.body).toMatchObject({ stage: 'consented', personName: '桜井 健一', canConvert: false });
    expect((await activity({ kind: 'contact', means: 'visit', result: 'met' })).body.error?.code).toBe(
      'OUTREACH_RECORD_CLOSED',
    );
    const caseOpened = await as('coordinator').post<{ id: string }>('/api/cases', {
      referralId: opened.body.referralIds[0],
      summary: '長期のひきこもりと生活困窮。アウトリーチで関係をつくり、同意を得た。',
    });
    expect(caseOpened.status).toBe(201);
    const history = await as('coordinator').get<OutreachHistory>(
      `/api/outreach/history?householdId=${opened.body.householdId}`,
    );
    expect(history.body.records[0]?.reports[0]).toMatchObject({
      observed: OBSERVED,
      partnerName: 'つなぐ市水道サービス（検針）',
    });
    expect(history.body.records[0]?.activities.map((a) => a.result)).toEqual(['absent', null, 'talked']);
    const outsider = await as('child').get<Refusal>(
      `/api/outreach/history?householdId=${opened.body.householdId}`,
    );
    expect(outsider.status).toBe(404);
    expect((await myReports()).body.reports[0]?.followUp).toBe('done');
  });

  it('refuses to convert someone not yet met', async () => {
    const areas = await as('outreach').get<{ areas: { id: string; name: string; level: string }[] }>(
      '/api/areas',
    );
    const district = areas.body.areas.find((a) => a.level !== 'city') as { id: string; name: string };
    const filed = await as('outreach').post<{ recordId: string }>('/api/outreach/reports', {
      areaId: district.id,
      receivedOn: today(),
      reporterKind: 'minsei_iin',
      reporterName: '民生委員 山本',
      location: '緑町1丁目',
      observed: '庭にごみが積み上がり、においがする。',
      risk: 'normal',
      label: '緑町1丁目 ごみのたまった家',
    });
    const refused = await as('outreach').post<Refusal>('/api/consultations', {
      ...consultation({ shareConsent: 'given', consentMethod: 'oral' }),
      outreachRecordId: filed.body.recordId,
      newPerson: {
        familyName: '緑川',
        givenName: '一',
        familyNameKana: 'ミドリカワ',
        givenNameKana: 'ハジメ',
      },
    });
    expect(refused.body.error?.code).toBe('OUTREACH_NOT_MET');
    const listed = await as('outreach').get<{ records: RecordSummary[] }>('/api/outreach/records');
    expect(listed.body.records.find((r) => r.id === filed.body.recordId)?.areaName).toBe(district.name);
  });
});

describe('audit and counts', () => {
  it('audits every read of the record', async () => {
    const audit = await as('manager').get<{ rows: { action: string; detail: unknown }[] }>(
      `/api/audit?action=outreach.read&targetId=${recordId}`,
    );
    expect(audit.body.rows.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audit.body.rows)).not.toMatch(/桜台|桜井/);
  });

  it('gives the program manager the year’s counts, and nothing else', async () => {
    const counts = await as('manager').get<OutreachCounts>('/api/outreach/counts');
    // one each: never shown as a number, and the medians of one person not at all
    const hidden = { count: null, belowThreshold: true };
    for (const kind of ['watch_partner', 'minsei_iin'])
      expect(counts.body.reportsBySource.find((s) => s.reporterKind === kind)?.count).toEqual(hidden);
    const { reached, relationshipsFormed, connected } = counts.body;
    expect([reached, relationshipsFormed, connected]).toEqual([hidden, hidden, hidden]);
    expect([counts.body.medianDaysToFirstContact, counts.body.medianDaysToConsent]).toEqual([null, null]);
    expect((await as('outreach').get('/api/outreach/counts')).status).toBe(403);
  });
});
