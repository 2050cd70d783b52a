import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { addDays } from '../../shared/dates';
import type { PlacementStage, TimeOfDay, Wish } from '../../shared/participation-vocabulary';
import type { ActorContext } from '../audit/audit.service';
import { ZConsultationInput } from '../intake/intake.schemas';
import { createConsultation } from '../intake/intake.service';
import { movePlacement, proposePlacement, recordFollowUp } from '../participation/placements.service';
import { openSupport } from '../participation/supports.service';
import { addUnmetNeed } from '../participation/unmet-needs.service';
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
    const support = await openSupport(tx, context, {
      personId: consultation.personId ?? '',
      consultationId: consultation.id,
      openedOn: opened,
      wishes: person.wishes,
      inTheirWords: person.inTheirWords,
      weekdays: person.weekdays,
      timesOfDay: person.timesOfDay,
      areaId,
      reach: 'city',
      companion: null,
      health: null,
      anxieties: null,
      strengths: null,
      interests: null,
      onlyFree: false,
    });
    const [resource] = await tx
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.tenantId, tenantId), eq(resources.name, person.resource)));
    if (!resource) throw new Error(`demo resource ${person.resource} missing`);
    const [first, ...moves] = person.path;
    let current = await proposePlacement(tx, context, support.id, {
      resourceId: resource.id,
      proposedOn: addDays(today, -(first?.[1] ?? 0)),
    });
    for (const [to, daysAgo] of moves) {
      const placement = current.placements[0];
      if (!placement) break;
      current = await movePlacement(tx, context, placement.id, {
        to,
        on: addDays(today, -daysAgo),
        personSaid: to === 'trial' ? '思っていたより緊張しなかった' : null,
        receiverSaid: to === 'trial' ? '丁寧に作業されていました。また来てほしいです' : null,
        note: null,
        endReason: to === 'interrupted' ? 'not_a_fit' : null,
        version: placement.version,
      });
      if (to === 'started')
        current = await recordFollowUp(tx, context, placement.id, {
          happenedOn: addDays(today, -daysAgo + 7),
          personSaid: '週2回、休まず通えている',
          receiverSaid: '手順を覚えるのが早い',
          note: null,
        });
    }
    if (person.unmet)
      await addUnmetNeed(tx, context, support.id, {
        wish: person.wishes[0] ?? 'work',
        areaId,
        conditions: person.unmet,
        recordedOn: addDays(today, -95),
      });
  }
}
