import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { addDays, fiscalYearOf } from '../../shared/dates';
import { areas } from '../areas/areas.tables';
import type { ActorContext } from '../audit/audit.service';
import { openCase } from '../cases/cases.service';
import {
  areaProfiles,
  areaWorkers,
  communityActivities,
  communityProjects,
  projectActivities,
  projectIssues,
  projectMembers,
  projectResources,
  regionalIssueCases,
  regionalIssues,
} from '../community/community.tables';
import { moveIssueInTx, raiseFromMeeting } from '../community/regional-issues.service';
import { households } from '../households/households.tables';
import { ZConsultationInput } from '../intake/intake.schemas';
import { createConsultation } from '../intake/intake.service';
import { agendaDecisions, agendaItems, meetingBodies, meetingSessions } from '../meetings/meetings.tables';
import { resources } from '../resources/resources.tables';
import { memberships } from '../users/users.tables';

// 地域づくり of the demo city: profiles of every 圏域 and 地区 for this year and last, who
// works them, a year of community work, five households with ひきこもり and 8050 in two 地区 of
// 東部圏域 (and two other cases elsewhere), and the issue a 重層的支援会議 raised from them,
// proposed to the promotion body and taken up by a project that created a place.

const CASES: { family: string; given: string; born: string; district: string; issues: string[] }[] = [
  { family: '石田', given: '和夫', born: '1978-02-03', district: '朝日地区', issues: ['hikikomori', '8050'] },
  {
    family: '早川',
    given: '誠',
    born: '1975-09-21',
    district: '朝日地区',
    issues: ['hikikomori', '8050', 'poverty'],
  },
  { family: '村井', given: '浩二', born: '1981-12-11', district: '朝日地区', issues: ['hikikomori', '8050'] },
  {
    family: '宮本',
    given: '隆',
    born: '1976-05-30',
    district: '東町地区',
    issues: ['hikikomori', '8050', 'care'],
  },
  { family: '桑原', given: '真一', born: '1983-07-07', district: '東町地区', issues: ['hikikomori', '8050'] },
  { family: '大西', given: '節子', born: '1941-04-18', district: '北山地区', issues: ['care', 'dementia'] },
  {
    family: '久保',
    given: '美樹',
    born: '1988-10-02',
    district: '港地区',
    issues: ['double_care', 'poverty'],
  },
];

/** The demo's own 多機関協働 cases (the 地域づくり pattern), beside any a generator adds. */
export const DEMO_COMMUNITY_CASES = CASES.length;

async function contextOf(tx: Database, tenantId: string, userId: string): Promise<ActorContext> {
  const [membership] = await tx.select().from(memberships).where(eq(memberships.userId, userId));
  if (!membership) throw new Error('demo user has no membership');
  return {
    actor: {
      userId,
      tenantId,
      membershipId: membership.id,
      organisationId: membership.organisationId,
      role: membership.role,
    },
    clientIp: null,
  };
}

async function seedCases(
  tx: Database,
  coordinator: ActorContext,
  districtId: (name: string) => string,
  today: string,
) {
  const caseIds: string[] = [];
  for (const [i, c] of CASES.entries()) {
    const received = addDays(today, -120 + i * 9);
    const consultation = await createConsultation(
      tx,
      coordinator,
      ZConsultationInput.parse({
        receivedAt: `${received}T10:00:00+09:00`,
        channel: i % 2 === 0 ? 'from_community' : 'phone',
        broughtBy: 'family',
        newPerson: { familyName: c.family, givenName: c.given, birthDate: c.born },
        newHouseholdName: `${c.family}さん世帯`,
        mainComplaint: c.issues.includes('hikikomori')
          ? '高齢の親と暮らす子が長く家にこもっている。親の通院も難しくなってきた。'
          : '家族の介護と暮らしのことで相談したい。',
        issues: c.issues,
        primaryIssue: c.issues[0],
        outcome: 'handled_here',
        shareConsent: 'given',
        consentMethod: 'written',
      }),
    );
    const householdId = consultation.householdId ?? '';
    await tx
      .update(households)
      .set({ areaId: districtId(c.district) })
      .where(eq(households.id, householdId));
    const opened = await openCase(tx, coordinator, {
      householdId,
      referralId: null,
      concernedPersonIds: consultation.personId ? [consultation.personId] : [],
      summary: `${c.family}さん世帯：${c.issues.includes('hikikomori') ? 'ひきこもりの子と高齢の親（8050）' : '介護と暮らし'}`,
    });
    caseIds.push(opened.id);
  }
  return caseIds;
}

function profileFigures(name: string, fiscalYear: number, zone: boolean) {
  const seed = [...name].reduce((s, ch) => s + ch.charCodeAt(0), 0);
  const scale = zone ? 3 : 1;
  const population = (6000 + (seed % 5000)) * scale - (fiscalYear % 2) * 40;
  const households = Math.round(population * 0.46);
  const aged65 = Math.round(population * (0.27 + (seed % 7) / 100));
  return {
    population,
    households,
    aged65,
    aged75: Math.round(aged65 * 0.55),
    singleElderlyHouseholds: Math.round(aged65 * 0.18),
    children: Math.round(population * 0.12),
    associationRate: (55 + (seed % 25) - (fiscalYear % 2)).toFixed(1),
  };
}

export async function seedDemoCommunity(
  tx: Database,
  tenantId: string,
  userIdOf: (loginId: string) => string,
  today: string,
) {
  const areaRows = await tx.select().from(areas).where(eq(areas.tenantId, tenantId));
  const districtId = (name: string) => areaRows.find((a) => a.name === name)?.id ?? '';
  const thisYear = fiscalYearOf(`${today}T12:00:00+09:00`);
  const community = userIdOf('demo-community');
  for (const area of areaRows.filter((a) => a.level !== 'city')) {
    for (const fiscalYear of [thisYear - 1, thisYear]) {
      await tx.insert(areaProfiles).values({
        tenantId,
        areaId: area.id,
        fiscalYear,
        ...profileFigures(area.name, fiscalYear, area.level === 'zone'),
        strengths:
          area.name === '東部圏域' ? '自治会の見守り活動が盛ん。商店街に顔の見える関係がある。' : null,
        issues: area.name === '東部圏域' ? '団地の高齢化。若い世代が地域の活動に出てこない。' : null,
        vision: area.name === '東部圏域' ? 'だれもが「ちょっと寄れる」場所がある東部' : null,
        updatedByUserId: community,
      });
    }
  }
  const east = areaRows.find((a) => a.name === '東部圏域');
  if (east) {
    await tx.insert(areaWorkers).values([
      {
        tenantId,
        areaId: east.id,
        role: 'csw',
        userId: community,
        name: '岡本 大輔',
        affiliation: 'つなぐ市社会福祉協議会',
      },
      {
        tenantId,
        areaId: east.id,
        role: 'sc_second',
        name: '森 由美',
        affiliation: '東部地域包括支援センター',
        note: '東部地区福祉委員会',
      },
    ]);
  }
  const activityKinds = ['local_meeting', 'visit', 'consultation_event', 'event', 'dialogue'] as const;
  const titles = [
    '自治会役員会に参加',
    '民生委員と団地を訪問',
    'サロンで出張相談（ほっこり相談）',
    '夏祭りに出店',
    '住民と居場所について話し合い',
  ];
  await tx.insert(communityActivities).values(
    Array.from({ length: 15 }, (_, i) => ({
      tenantId,
      areaId: districtId(i % 3 === 0 ? '東町地区' : i % 3 === 1 ? '朝日地区' : '北山地区'),
      kind: activityKinds[i % 5] ?? ('other' as const),
      heldOn: addDays(today, -10 - i * 21),
      title: titles[i % 5] ?? '地域活動',
      userId: community,
      participants: 8 + ((i * 7) % 30),
    })),
  );

  const coordinator = await contextOf(tx, tenantId, userIdOf('demo-coordinator'));
  const caseIds = await seedCases(tx, coordinator, districtId, today);

  // 重層的支援会議 two months ago: the theme raised as a regional issue
  const [body] = await tx
    .select()
    .from(meetingBodies)
    .where(and(eq(meetingBodies.tenantId, tenantId), eq(meetingBodies.name, '重層的支援会議')));
  if (!body) throw new Error('demo meeting body missing');
  const heldOn = addDays(today, -60);
  const [session] = await tx
    .insert(meetingSessions)
    .values({
      tenantId,
      bodyId: body.id,
      startsAt: new Date(`${heldOn}T14:00:00+09:00`),
      heldOn,
      createdByUserId: coordinator.actor.userId,
    })
    .returning();
  const title = '東部圏域で、ひきこもりの子と高齢の親の世帯（8050）が続いている';
  const content =
    '東部圏域の事例に共通して、本人が日中に立ち寄れる場所がない。地域課題として推進委員会に提起する。';
  const [item] = await tx
    .insert(agendaItems)
    .values({ tenantId, sessionId: session?.id ?? '', position: 1, topicKind: 'regional_issue', title })
    .returning();
  await tx.insert(agendaDecisions).values({
    tenantId,
    sessionId: session?.id ?? '',
    itemId: item?.id ?? '',
    type: 'regional_issue',
    content,
    createdByUserId: coordinator.actor.userId,
  });
  const issueId = await raiseFromMeeting(tx, coordinator, {
    agendaItemId: item?.id ?? '',
    title,
    bodyName: body.name,
    content,
    on: heldOn,
    caseId: null,
  });
  await tx
    .update(regionalIssues)
    .set({ areaIds: [east?.id ?? ''], issueCodes: ['hikikomori', '8050'] })
    .where(eq(regionalIssues.id, issueId));
  await tx
    .insert(regionalIssueCases)
    .values(
      caseIds
        .slice(0, 5)
        .map((caseId) => ({ tenantId, issueId, caseId, linkedByUserId: coordinator.actor.userId })),
    );
  await moveIssueInTx(tx, coordinator, issueId, {
    to: 'under_discussion',
    on: addDays(today, -45),
    body: '多機関協働推進委員会',
    note: null,
  });
  const communityContext = await contextOf(tx, tenantId, community);
  await moveIssueInTx(tx, communityContext, issueId, {
    to: 'project',
    on: addDays(today, -30),
    body: null,
    note: null,
  });

  const operatorOf = async (name: string) =>
    (
      await tx
        .select({ operatorId: resources.operatorId, id: resources.id })
        .from(resources)
        .where(and(eq(resources.tenantId, tenantId), eq(resources.name, name)))
    )[0];
  const place = await operatorOf('ひきこもり家族会「ともしび」');
  const npo = await operatorOf('ひだまりの居場所');
  const [project] = await tx
    .insert(communityProjects)
    .values({
      tenantId,
      title: '東部圏域 居場所の現状分析プロジェクト',
      aim: '東部圏域で、ひきこもりの本人と家族が立ち寄れる場所を調べ、足りない場所をつくる。',
      leadOperatorId: place?.operatorId ?? null,
      status: 'active',
      startsOn: addDays(today, -30),
      createdByUserId: community,
    })
    .returning();
  const projectId = project?.id ?? '';
  await tx.insert(projectIssues).values({ tenantId, projectId, issueId });
  const members = [place?.operatorId, npo?.operatorId].filter((id): id is string => Boolean(id));
  if (members.length)
    await tx
      .insert(projectMembers)
      .values(members.map((operatorId) => ({ tenantId, projectId, operatorId })));
  await tx.insert(projectActivities).values([
    {
      tenantId,
      projectId,
      kind: 'meeting',
      heldOn: addDays(today, -28),
      title: '第1回プロジェクト会議',
      participants: 9,
      userId: community,
    },
    {
      tenantId,
      projectId,
      kind: 'survey',
      heldOn: addDays(today, -14),
      title: '東部圏域の居場所アンケート',
      participants: 42,
      userId: community,
    },
  ]);
  if (place) await tx.insert(projectResources).values({ tenantId, projectId, resourceId: place.id });
}
