import type { Database } from '../../db/client';
import { addDays } from '../../shared/dates';
import type {
  Activity,
  OperatorKind,
  ResourceKind,
  TargetAttribute,
} from '../../shared/participation-vocabulary';
import { resourceOperators, resources, type ScheduleSlot } from '../resources/resources.tables';

// The demo city's 社会資源: salons in every district (阪南's 40 salons), 子ども食堂, work
// experience at local businesses, peer groups, housing support… 60 places in all, some of
// them not verified for over a year (to show the freshness flag), one paused.

type Template = {
  name: string;
  kinds: ResourceKind[];
  activities: Activity[];
  slots: [number, string, string][];
  irregular?: boolean;
  ages?: [number | null, number | null];
  attributes?: TargetAttribute[];
  cost?: string;
  capacity?: number;
  operator: [string, OperatorKind];
  support?: string;
};

const PER_DISTRICT: Template[] = [
  {
    name: '{d}ふれあいサロン',
    kinds: ['salon'],
    activities: ['talk', 'eat', 'exercise'],
    slots: [[2, '13:30', '15:30']],
    ages: [60, null],
    attributes: ['elderly'],
    cost: '100円（お茶代）',
    capacity: 20,
    operator: ['{d}自治会', 'neighbourhood_association'],
    support: '初めての方には世話役が付き添います',
  },
  {
    name: '{d}いきいき百歳体操',
    kinds: ['kayoi_no_ba'],
    activities: ['exercise', 'talk'],
    slots: [
      [1, '10:00', '11:30'],
      [4, '10:00', '11:30'],
    ],
    ages: [65, null],
    attributes: ['elderly'],
    capacity: 25,
    operator: ['{d}自治会', 'neighbourhood_association'],
  },
  {
    name: '{d}みんなの食堂',
    kinds: ['kodomo_shokudo'],
    activities: ['eat', 'talk', 'role'],
    slots: [[3, '17:00', '19:30']],
    attributes: ['children', 'parents'],
    cost: '子ども無料・大人300円',
    capacity: 40,
    operator: ['{d}みんなの食堂の会', 'residents_group'],
    support: '配膳や片付けのボランティアとしての参加も歓迎',
  },
  {
    name: '{d}ボランティアセンター出張窓口',
    kinds: ['volunteering'],
    activities: ['role', 'craft'],
    slots: [],
    irregular: true,
    capacity: 10,
    operator: ['つなぐ市社会福祉協議会', 'social_welfare_council'],
  },
  {
    name: '{d}子育てひろば',
    kinds: ['ibasho'],
    activities: ['talk', 'rest'],
    slots: [
      [1, '10:00', '12:00'],
      [3, '10:00', '12:00'],
    ],
    attributes: ['parents', 'children'],
    capacity: 15,
    operator: ['つなぐ市社会福祉協議会', 'social_welfare_council'],
  },
];

const CITY_WIDE: (Template & { district: string })[] = [
  {
    district: '北山地区',
    name: 'ひだまりの居場所',
    kinds: ['ibasho'],
    activities: ['talk', 'rest', 'hobby'],
    slots: [
      [1, '13:00', '17:00'],
      [3, '13:00', '17:00'],
      [5, '13:00', '17:00'],
    ],
    ages: [15, 49],
    attributes: ['youth', 'hikikomori'],
    capacity: 12,
    operator: ['NPO法人 ひだまりの居場所', 'npo'],
    support: '話さなくても過ごせます。スタッフが最初の来所に同行できます',
  },
  {
    district: '朝日地区',
    name: 'わかもの就労体験（つなぐベーカリー）',
    kinds: ['work_experience'],
    activities: ['work', 'craft'],
    slots: [
      [2, '09:00', '12:00'],
      [4, '09:00', '12:00'],
    ],
    ages: [18, 64],
    capacity: 2,
    operator: ['株式会社つなぐベーカリー', 'company'],
    support: '週1回・2時間から。作業の手順書があり、担当の社員が付きます',
  },
  {
    district: '港地区',
    name: '港の農園 農福連携プロジェクト',
    kinds: ['agri_welfare', 'work_experience'],
    activities: ['work', 'exercise'],
    slots: [
      [1, '09:00', '12:00'],
      [5, '09:00', '12:00'],
    ],
    ages: [18, null],
    attributes: ['disability', 'hikikomori'],
    capacity: 5,
    operator: ['社会福祉法人 みなと会', 'social_welfare_corporation'],
    support: '体調に合わせて作業時間を短くできます',
  },
  {
    district: '東町地区',
    name: 'ひきこもり家族会「ともしび」',
    kinds: ['peer_group'],
    activities: ['talk', 'learn'],
    slots: [[6, '14:00', '16:00']],
    attributes: ['carers'],
    operator: ['ひきこもり家族会ともしび', 'residents_group'],
  },
  {
    district: '西原地区',
    name: 'つなぐ学習支援教室',
    kinds: ['learning_support'],
    activities: ['learn', 'talk'],
    slots: [
      [2, '17:00', '19:00'],
      [4, '17:00', '19:00'],
    ],
    ages: [12, 18],
    attributes: ['children'],
    capacity: 15,
    operator: ['NPO法人 わかものサポートネット', 'npo'],
  },
  {
    district: '南浜地区',
    name: '住まいサポートつなぐ（居住支援）',
    kinds: ['housing_support'],
    activities: ['learn'],
    slots: [
      [1, '10:00', '16:00'],
      [2, '10:00', '16:00'],
      [3, '10:00', '16:00'],
      [4, '10:00', '16:00'],
      [5, '10:00', '16:00'],
    ],
    operator: ['一般社団法人 住まいサポートつなぐ', 'other'],
    support: '入居の保証人がいない方の相談、見守り付き住宅の紹介',
  },
  {
    district: '桜台地区',
    name: '地域活動支援センター さくら',
    kinds: ['activity_support_center'],
    activities: ['craft', 'talk', 'rest'],
    slots: [
      [1, '10:00', '15:00'],
      [2, '10:00', '15:00'],
      [3, '10:00', '15:00'],
      [4, '10:00', '15:00'],
    ],
    attributes: ['disability'],
    capacity: 20,
    operator: ['社会福祉法人 さくら会', 'social_welfare_corporation'],
  },
  {
    district: '川辺地区',
    name: 'かわべ商店街 お手伝い体験',
    kinds: ['cooperating_company', 'work_experience'],
    activities: ['work', 'role'],
    slots: [[6, '10:00', '13:00']],
    ages: [16, null],
    capacity: 3,
    operator: ['かわべ商店街振興組合', 'company'],
  },
  {
    district: '汐見地区',
    name: 'しおみ男の料理教室',
    kinds: ['salon'],
    activities: ['eat', 'learn', 'talk'],
    slots: [[5, '10:00', '13:00']],
    ages: [60, null],
    cost: '材料費500円',
    capacity: 12,
    operator: ['汐見地区福祉委員会', 'residents_group'],
  },
  {
    district: '緑ヶ丘地区',
    name: '介護者のつどい みどり',
    kinds: ['peer_group'],
    activities: ['talk', 'rest'],
    slots: [[3, '13:30', '15:00']],
    attributes: ['carers'],
    operator: ['北部地域包括支援センター', 'other'],
  },
];

const slots = (t: Template): ScheduleSlot[] =>
  t.slots.map(([weekday, opens, closes]) => ({ weekday, opens, closes }));

export async function seedDemoResources(
  tx: Database,
  tenantId: string,
  districts: { id: string; name: string }[],
  verifierId: string,
  today: string,
) {
  const operatorIds = new Map<string, string>();
  const operatorOf = async ([name, kind]: [string, OperatorKind]) => {
    const known = operatorIds.get(name);
    if (known) return known;
    const [row] = await tx.insert(resourceOperators).values({ tenantId, name, kind }).returning();
    if (!row) throw new Error('operator not created');
    operatorIds.set(name, row.id);
    return row.id;
  };
  const rows: (typeof resources.$inferInsert)[] = [];
  const add = async (t: Template, district: { id: string; name: string }, index: number) => {
    const d = district.name.replace('地区', '');
    rows.push({
      tenantId,
      operatorId: await operatorOf([t.operator[0].replace('{d}', d), t.operator[1]]),
      name: t.name.replace('{d}', d),
      kinds: t.kinds,
      areaId: district.id,
      address: `つなぐ市${district.name.replace('地区', '')}${(index % 5) + 1}丁目${(index % 9) + 2}-${(index % 7) + 1}`,
      schedule: slots(t),
      irregular: t.irregular ?? false,
      forEveryone: !t.ages && !t.attributes,
      ageMin: t.ages?.[0] ?? null,
      ageMax: t.ages?.[1] ?? null,
      targetAttributes: t.attributes ?? [],
      activities: t.activities,
      free: !t.cost,
      costNote: t.cost ?? null,
      contactPhone: `0120-00-${String(1000 + index).slice(-4)}`,
      receivingSupport: t.support ?? null,
      capacity: t.capacity ?? null,
      placesFree: t.capacity ? (index % 3 === 0 ? 0 : Math.max(1, Math.round(t.capacity / 4))) : null,
      status: index === 7 ? 'paused' : 'active',
      // every seventh was last verified over a year ago: the freshness list is not empty
      verifiedOn: addDays(today, index % 7 === 3 ? -400 - index : -(index * 5) % 300),
      verifiedByUserId: verifierId,
    });
  };
  let index = 0;
  for (const district of districts) for (const t of PER_DISTRICT) await add(t, district, index++);
  for (const t of CITY_WIDE) {
    const district = districts.find((d) => d.name === t.district) ?? districts[0];
    if (district) await add(t, district, index++);
  }
  await tx.insert(resources).values(rows);
}
