import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { addDays } from '../../shared/dates';
import {
  FOLLOW_UP_OFFSETS,
  type PlacementStage,
  type TimeOfDay,
  type Wish,
} from '../../shared/participation-vocabulary';
import type { ActorContext } from '../audit/audit.service';
import { ZConsultationInput } from '../intake/intake.schemas';
import { createConsultation } from '../intake/intake.service';
import {
  participationSupports,
  placementEvents,
  placementFollowUps,
  placements,
  unmetNeeds,
} from '../participation/participation.tables';
import { nextOfficeDay } from '../participation/placements.service';
import { resources } from '../resources/resources.tables';
import { memberships } from '../users/users.tables';

// People in 参加支援 at each stage, taken on by the demo's participation coordinator (南 美咲)
// at consultations of her own: a placement proposed, one visited, one on trial, one started
// (with its 1-week follow-up done and the 1-month one coming up), one that did not fit, and
// a wish nothing in the directory met.

type DemoPerson = {
  familyName: string;
  givenName: string;
  kana: [string, string];
  birthDate: string;
  complaint: string;
  wishes: Wish[];
  inTheirWords: string;
  weekdays: number[];
  timesOfDay: TimeOfDay[];
  district: string;
  resource: string;
  /** The stages reached, with the days before today each was. */
  path: [PlacementStage, number][];
  unmet?: string;
};

const PEOPLE: DemoPerson[] = [
  {
    familyName: '佐伯',
    givenName: '健太',
    kana: ['サエキ', 'ケンタ'],
    birthDate: '1983-06-12',
    complaint: '10年ほど仕事をしていない。少しずつ働くことに慣れたい。',
    wishes: ['work', 'role'],
    inTheirWords: '朝は苦手だけど、パン作りなら続けられるかもしれない',
    weekdays: [2, 4],
    timesOfDay: ['morning'],
    district: '朝日地区',
    resource: 'わかもの就労体験（つなぐベーカリー）',
    path: [
      ['proposed', 45],
      ['visited', 40],
      ['trial', 33],
      ['started', 25],
    ],
  },
  {
    familyName: '小川',
    givenName: '由美',
    kana: ['オガワ', 'ユミ'],
    birthDate: '1990-11-03',
    complaint: '家族以外と話す機会がほとんどない。',
    wishes: ['place', 'friends'],
    inTheirWords: '話さなくてもいい場所があれば行ってみたい',
    weekdays: [1, 3],
    timesOfDay: ['afternoon'],
    district: '北山地区',
    resource: 'ひだまりの居場所',
    path: [
      ['proposed', 14],
      ['trial', 3],
    ],
  },
  {
    familyName: '石田',
    givenName: '勝',
    kana: ['イシダ', 'マサル'],
    birthDate: '1952-02-20',
    complaint: '妻を亡くしてから外出が減った。',
    wishes: ['exercise', 'friends'],
    inTheirWords: '体を動かすのは好きだった',
    weekdays: [1, 4],
    timesOfDay: ['morning'],
    district: '北山地区',
    resource: '北山いきいき百歳体操',
    path: [
      ['proposed', 10],
      ['visited', 4],
    ],
  },
  {
    familyName: '森',
    givenName: 'さくら',
    kana: ['モリ', 'サクラ'],
    birthDate: '2007-08-30',
    complaint: '高校を中退し、家で過ごしている。',
    wishes: ['learn', 'role'],
    inTheirWords: '勉強をやり直したい。人の役に立つこともしてみたい',
    weekdays: [2, 4],
    timesOfDay: ['evening'],
    district: '西原地区',
    resource: '西原みんなの食堂',
    path: [['proposed', 2]],
  },
  {
    familyName: '高木',
    givenName: '直樹',
    kana: ['タカギ', 'ナオキ'],
    birthDate: '1976-01-15',
    complaint: '失業後、昼夜逆転の生活が続いている。',
    wishes: ['work'],
    inTheirWords: '夕方からなら動ける',
    weekdays: [1, 2, 3, 4, 5],
    timesOfDay: ['evening'],
    district: '港地区',
    resource: '港の農園 農福連携プロジェクト',
    path: [
      ['proposed', 120],
      ['trial', 110],
      ['interrupted', 100],
    ],
    unmet: '夕方以降に週2回ほど、体を動かす就労体験（港地区の近く）',
  },
];

export async function seedDemoParticipation(
  tx: Database,
  tenantId: string,
  participationUserId: string,
  districts: { id: string; name: string }[],
  today: string,
) {
  const [membership] = await tx
    .select()
    .from(memberships)
    .where(
      and(eq(memberships.userId, participationUserId), eq(memberships.role, 'participation_coordinator')),
    );
  if (!membership) throw new Error('demo participation coordinator has no membership');
  const context: ActorContext = {
    actor: {
      userId: participationUserId,
      tenantId,
      membershipId: membership.id,
      organisationId: membership.organisationId,
      role: 'participation_coordinator',
    },
    clientIp: null,
  };
  const resourceIds = new Map(
    (
      await tx
        .select({ id: resources.id, name: resources.name })
        .from(resources)
        .where(eq(resources.tenantId, tenantId))
    ).map((r) => [r.name, r.id]),
  );
  for (const person of PEOPLE) {
    const opened = addDays(today, -(person.path[0]?.[1] ?? 0) - 3);
    const consultation = await createConsultation(
      tx,
      context,
      ZConsultationInput.parse({
        receivedAt: `${opened}T10:00:00+09:00`,
        channel: 'visit_office',
        broughtBy: 'self',
        newPerson: {
          familyName: person.familyName,
          givenName: person.givenName,
          familyNameKana: person.kana[0],
          givenNameKana: person.kana[1],
          birthDate: person.birthDate,
        },
        newHouseholdName: `${person.familyName}さん世帯`,
        mainComplaint: person.complaint,
        outcome: 'handled_here',
        shareConsent: 'given',
        consentMethod: 'written',
      }),
    );
    const areaId = districts.find((d) => d.name === person.district)?.id ?? null;
    const personId = consultation.personId ?? '';
    // the rest in plain inserts: the seed runs for every test server, and the services'
    // presentations after each step would cost more than everything else the demo writes
    const [support] = await tx
      .insert(participationSupports)
      .values({
        tenantId,
        personId,
        consultationId: consultation.id,
        organisationId: context.actor.organisationId ?? '',
        coordinatorUserId: participationUserId,
        wishes: person.wishes,
        inTheirWords: person.inTheirWords,
        weekdays: person.weekdays,
        timesOfDay: person.timesOfDay,
        areaId,
        openedOn: opened,
      })
      .returning({ id: participationSupports.id });
    const resourceId = resourceIds.get(person.resource);
    if (!support || !resourceId) throw new Error(`demo resource ${person.resource} missing`);
    const on = (stage: PlacementStage) => {
      const step = person.path.find(([s]) => s === stage);
      return step ? addDays(today, -step[1]) : null;
    };
    const last = person.path.at(-1)?.[0] ?? 'proposed';
    const [placement] = await tx
      .insert(placements)
      .values({
        tenantId,
        supportId: support.id,
        resourceId,
        stage: last,
        proposedOn: on('proposed') ?? opened,
        visitedOn: on('visited'),
        trialOn: on('trial'),
        startedOn: on('started'),
        endedOn: on('interrupted') ?? on('ended'),
        endReason: last === 'interrupted' ? 'not_a_fit' : null,
      })
      .returning({ id: placements.id });
    if (!placement) throw new Error('demo placement not created');
    await tx.insert(placementEvents).values(
      person.path.map(([stage, daysAgo]) => ({
        tenantId,
        placementId: placement.id,
        kind: 'stage' as const,
        toStage: stage,
        happenedOn: addDays(today, -daysAgo),
        personSaid: stage === 'trial' ? '思っていたより緊張しなかった' : null,
        receiverSaid: stage === 'trial' ? '丁寧に作業されていました。また来てほしいです' : null,
        userId: participationUserId,
      })),
    );
    const started = on('started');
    if (started) {
      const contactOn = addDays(started, 7);
      const [contact] = await tx
        .insert(placementEvents)
        .values({
          tenantId,
          placementId: placement.id,
          kind: 'follow_up',
          happenedOn: contactOn,
          personSaid: '週2回、休まず通えている',
          receiverSaid: '手順を覚えるのが早い',
          userId: participationUserId,
        })
        .returning({ id: placementEvents.id });
      await tx.insert(placementFollowUps).values(
        FOLLOW_UP_OFFSETS.map((days, i) => ({
          tenantId,
          placementId: placement.id,
          dueOn: nextOfficeDay(addDays(started, days)),
          doneOn: i === 0 ? contactOn : null,
          eventId: i === 0 ? contact?.id : null,
        })),
      );
    }
    if (person.unmet)
      await tx.insert(unmetNeeds).values({
        tenantId,
        supportId: support.id,
        wish: person.wishes[0] ?? 'work',
        areaId,
        conditions: person.unmet,
        recordedOn: addDays(today, -95),
        userId: participationUserId,
      });
  }
}
