import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { TrainingAudience, TrainingScope, TrainingTopic } from '../../shared/community-vocabulary';
import { addDays } from '../../shared/dates';
import {
  networkEvents,
  networkMembers,
  networkSubgroups,
  networks,
  trainings,
} from '../community/networks.tables';
import { resourceOperators } from '../resources/resources.tables';

// The demo city's ネットワーク・プラットフォーム: 草の根ネットワーク (阪南) with its three 部会 and
// members from the resource directory, and こえる場！ (芦屋) with the businesses taking part; and a
// year of 研修 (尼崎 reports 庁内 45 and 庁外 58 a year; the demo holds about 20).

const SUBGROUPS = ['イベント部会', '居場所部会', '当事者・家族・相談部会'] as const;
type Subgroup = (typeof SUBGROUPS)[number];

/** Members of 草の根ネットワーク: operator name (or its ending), 部会, days since joining. */
const GRASSROOTS: [string, Subgroup[], number][] = [
  ['つなぐ市社会福祉協議会', ['イベント部会', '居場所部会', '当事者・家族・相談部会'], 900],
  ['NPO法人 ひだまりの居場所', ['居場所部会'], 820],
  ['ひきこもり家族会ともしび', ['当事者・家族・相談部会'], 760],
  ['NPO法人 わかものサポートネット', ['居場所部会', '当事者・家族・相談部会'], 700],
  ['社会福祉法人 みなと会', ['イベント部会'], 640],
  ['社会福祉法人 さくら会', ['当事者・家族・相談部会'], 600],
  ['汐見地区福祉委員会', ['イベント部会', '居場所部会'], 500],
  ['かわべ商店街振興組合', ['イベント部会'], 420],
  ['北部地域包括支援センター', ['当事者・家族・相談部会'], 380],
  ['みんなの食堂の会', ['居場所部会'], 300],
  ['自治会', ['イベント部会'], 150],
];

/** Events: days ago, title, 部会, participants. */
const GRASSROOTS_EVENTS: [number, string, Subgroup | null, number][] = [
  [330, '草の根ネットワーク 全体交流会', null, 64],
  [290, '居場所めぐりスタンプラリー', '居場所部会', 112],
  [240, 'ひきこもり家族の学習会', '当事者・家族・相談部会', 23],
  [200, '夏の地域フェスタ（出店・相談ブース）', 'イベント部会', 380],
  [150, '居場所の担い手交流会', '居場所部会', 31],
  [110, '当事者・家族の語り合いの会', '当事者・家族・相談部会', 18],
  [60, '秋の防災と見守りを考えるつどい', 'イベント部会', 95],
  [21, '草の根ネットワーク 全体交流会', null, 71],
];

const KOERUBA: [string, number][] = [
  ['株式会社つなぐベーカリー', 400],
  ['かわべ商店街振興組合', 380],
  ['社会福祉法人 みなと会', 260],
  ['NPO法人 わかものサポートネット', 260],
];

type DemoTraining = [number, string, TrainingScope, TrainingAudience[], string, TrainingTopic[], number];

/** Days ago, title, 庁内/庁外, audiences, organiser, topics, participants. */
const TRAININGS: DemoTraining[] = [
  [350, '重層的支援体制整備事業 新任職員研修', 'internal', ['staff'], '地域福祉課', ['multilayered'], 34],
  [335, '個人情報の取扱いと守秘義務', 'internal', ['staff'], '地域福祉課', ['privacy'], 48],
  [
    320,
    '民生委員・児童委員 合同研修',
    'external',
    ['residents'],
    'つなぐ市社会福祉協議会',
    ['community', 'outreach'],
    86,
  ],
  [300, '多機関協働の事例検討の進め方', 'external', ['professionals'], '地域福祉課', ['multi_agency'], 27],
  [280, 'ひきこもり支援の基礎', 'external', ['professionals', 'staff'], '福祉総合相談窓口', ['outreach'], 41],
  [
    260,
    '庁内連携のための制度横断研修',
    'internal',
    ['staff'],
    '地域福祉課',
    ['comprehensive', 'multilayered'],
    52,
  ],
  [
    240,
    '参加支援と居場所づくり',
    'external',
    ['professionals', 'residents'],
    'つなぐ市社会福祉協議会',
    ['participation', 'community'],
    63,
  ],
  [215, '8050問題を知る市民講座', 'external', ['residents'], '地域福祉課', ['comprehensive'], 120],
  [200, '窓口対応と「断らない相談」', 'internal', ['staff'], '地域福祉課', ['comprehensive'], 57],
  [180, '地域福祉委員 研修会', 'external', ['residents'], 'つなぐ市社会福祉協議会', ['community'], 74],
  [
    160,
    '支援会議（法第106条の6）の運営',
    'internal',
    ['staff'],
    '地域福祉課',
    ['multi_agency', 'privacy'],
    22,
  ],
  [140, 'アウトリーチの実践から学ぶ', 'external', ['professionals'], '福祉総合相談窓口', ['outreach'], 35],
  [
    120,
    '就労体験の受け入れ先 説明会',
    'external',
    ['residents', 'professionals'],
    'つなぐ市社会福祉協議会',
    ['participation'],
    28,
  ],
  [100, '重層的支援体制 管理職研修', 'internal', ['staff'], '地域福祉課', ['multilayered'], 19],
  [
    80,
    '認知症サポーター養成講座（商店街）',
    'external',
    ['residents'],
    '北部地域包括支援センター',
    ['community'],
    45,
  ],
  [65, '相談記録の書き方', 'internal', ['staff'], '地域福祉課', ['comprehensive', 'privacy'], 38],
  [
    45,
    'こども・若者の居場所づくり研修',
    'external',
    ['professionals', 'residents'],
    'NPO法人 わかものサポートネット',
    ['participation', 'community'],
    54,
  ],
  [30, '多機関協働 事例検討会（公開）', 'external', ['professionals'], '地域福祉課', ['multi_agency'], 61],
  [14, '災害時の要配慮者支援と庁内連携', 'internal', ['staff'], '危機管理課・地域福祉課', ['other'], 44],
  [
    5,
    '地域課題の見つけ方ワークショップ',
    'external',
    ['residents', 'professionals'],
    'つなぐ市社会福祉協議会',
    ['community'],
    39,
  ],
];

/** Splits a total over the organisations that came, leaving a few not attributed. */
function rowsOf(scope: TrainingScope, total: number) {
  const organisations =
    scope === 'internal'
      ? ['地域福祉課', '生活福祉課', '高齢福祉課', '障がい福祉課', 'こども家庭課']
      : ['つなぐ市社会福祉協議会', '地域包括支援センター', '民生委員・児童委員', '市職員'];
  const share = Math.floor(total / (organisations.length + 1));
  return organisations.map((organisation) => ({ organisation, count: share }));
}

export async function seedDemoNetworks(
  tx: Database,
  tenantId: string,
  userIdOf: (loginId: string) => string,
  today: string,
) {
  const userId = userIdOf('demo-community');
  const operators = await tx
    .select({ id: resourceOperators.id, name: resourceOperators.name })
    .from(resourceOperators)
    .where(eq(resourceOperators.tenantId, tenantId));
  const operatorOf = (name: string) =>
    operators.find((o) => o.name === name) ?? operators.find((o) => o.name.endsWith(name));

  const [grassroots, koeruba] = await tx
    .insert(networks)
    .values([
      {
        tenantId,
        name: '草の根ネットワーク',
        description:
          '地域の団体・事業所・住民・専門職がゆるやかにつながり、居場所や活動の情報を交換し、一緒にイベントを開く場。3つの部会で活動しています。',
        updatedByUserId: userId,
      },
      {
        tenantId,
        name: 'こえる場！',
        description:
          '分野をこえて企業・福祉事業所・NPOが集まり、就労体験や地域の困りごとの解決策を考える場。',
        updatedByUserId: userId,
      },
    ])
    .returning({ id: networks.id });
  if (!grassroots || !koeruba) throw new Error('demo networks not created');
  const subgroupRows = await tx
    .insert(networkSubgroups)
    .values(SUBGROUPS.map((name, sortOrder) => ({ tenantId, networkId: grassroots.id, name, sortOrder })))
    .returning({ id: networkSubgroups.id, name: networkSubgroups.name });
  const subgroupId = (name: Subgroup | null) => subgroupRows.find((s) => s.name === name)?.id ?? null;

  const members: (typeof networkMembers.$inferInsert)[] = [];
  for (const [name, groups, days] of GRASSROOTS) {
    const operator = operatorOf(name);
    if (!operator) continue;
    members.push({
      tenantId,
      networkId: grassroots.id,
      operatorId: operator.id,
      subgroupIds: groups.map((g) => subgroupId(g) ?? '').filter(Boolean),
      joinedOn: addDays(today, -days),
    });
  }
  for (const [name, days] of KOERUBA) {
    const operator = operatorOf(name);
    if (operator)
      members.push({
        tenantId,
        networkId: koeruba.id,
        operatorId: operator.id,
        joinedOn: addDays(today, -days),
      });
  }
  await tx.insert(networkMembers).values(members);

  await tx.insert(networkEvents).values([
    ...GRASSROOTS_EVENTS.map(([days, title, subgroup, participants]) => ({
      tenantId,
      networkId: grassroots.id,
      subgroupId: subgroupId(subgroup),
      heldOn: addDays(today, -days),
      title,
      participants,
      userId,
    })),
    {
      tenantId,
      networkId: koeruba.id,
      heldOn: addDays(today, -180),
      title: 'こえる場！ キックオフ（企業・事業所の顔合わせ）',
      participants: 26,
      notes: '就労体験の受け入れを3社が検討',
      userId,
    },
    {
      tenantId,
      networkId: koeruba.id,
      heldOn: addDays(today, -40),
      title: '商店街での就労体験 ふりかえり会',
      participants: 17,
      userId,
    },
  ]);

  await tx.insert(trainings).values(
    TRAININGS.map(([days, title, scope, audiences, organiser, topics, total]) => ({
      tenantId,
      title,
      heldOn: addDays(today, -days),
      scope,
      audiences,
      organiser,
      topics,
      participantsByOrganisation: rowsOf(scope, total),
      participantsTotal: total,
      materials: days % 3 === 0 ? `「${title}」スライド（共有フォルダ 研修/${title}.pdf）` : null,
      createdByUserId: userId,
      updatedByUserId: userId,
    })),
  );
}
