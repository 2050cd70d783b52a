import type { Database } from '../../db/client';
import { fiscalYearOf } from '../../shared/dates';
import type {
  FunctionCode,
  PlanEvaluation,
  ProgramField,
  ProgramMethod,
} from '../../shared/program-vocabulary';
import { planItems, planItemYears, programPlans, programs, programYears } from '../program/program.tables';

// The demo city's 事業管理, after 芦屋's 実施計画: this year's programs by statutory function,
// the population, and the five-year plan's 取組 with what each year planned (the progress of
// past years written, this year's left for the manager). No targets: setting them is the demo.

type ProgramRow = [
  FunctionCode,
  string,
  ProgramField | null,
  ProgramMethod[],
  string | null,
  string,
  string | null,
];
const PROGRAMS: ProgramRow[] = [
  [
    '1i',
    '地域包括支援センターの運営',
    'elderly',
    ['commissioned'],
    '地域包括支援センター 4か所',
    '高齢介護課',
    '社会福祉法人',
  ],
  [
    '1ro',
    '障害者相談支援事業',
    'disability',
    ['commissioned'],
    '基幹相談支援センター 1か所',
    '障がい福祉課',
    null,
  ],
  ['1ha', '利用者支援事業', 'children', ['direct'], 'こども家庭センター', '子ども家庭総合支援課', null],
  [
    '1ni',
    '生活困窮者自立相談支援事業',
    'poverty',
    ['commissioned'],
    '総合相談窓口 1か所',
    '地域福祉課',
    '社会福祉協議会',
  ],
  ['2', '参加支援事業', 'cross', ['commissioned'], null, '地域福祉課', '社会福祉協議会'],
  [
    '3ro',
    '生活支援体制整備事業',
    'elderly',
    ['commissioned'],
    '第1層：市内全域、第2層：4圏域',
    '地域福祉課',
    '社会福祉協議会',
  ],
  [
    '4',
    'アウトリーチ等を通じた継続的支援事業',
    'cross',
    ['commissioned'],
    null,
    '地域福祉課',
    '社会福祉協議会',
  ],
  ['5', '多機関協働事業', 'cross', ['direct', 'commissioned'], null, '地域福祉課', '社会福祉協議会'],
];

/** 取組: heading no, heading, label, title, planned per year from the first (null = nothing planned). */
type ItemRow = [number, string, string, string, (string | null)[]];
const ITEMS: ItemRow[] = [
  [
    1,
    '多機関協働の体制整備',
    'ア',
    '多機関協働推進委員会の設置',
    [
      '推進協議会でプロジェクトの検討',
      '推進委員会の設置・プロジェクトの検討',
      '推進委員会でプロジェクトの検討',
      null,
      null,
    ],
  ],
  [
    1,
    '多機関協働の体制整備',
    'イ',
    '多機関協働支援会議の構築',
    [
      '総合相談連絡会参加者との認識共有',
      '支援会議の構築・地域課題の明確化',
      '支援会議で地域課題の明確化と解決策の検討',
      null,
      null,
    ],
  ],
  [
    2,
    '個別支援からの課題抽出・資源創出',
    'ア',
    '重層的支援のチーム会議の設置',
    ['チーム会議の設置・各種検討', null, null, null, null],
  ],
  [
    2,
    '個別支援からの課題抽出・資源創出',
    'ウ',
    '各個別支援会議での共通する地域課題の抽出',
    ['各会議での地域課題抽出', null, '資源創出に向けた取組', null, null],
  ],
  [
    3,
    '参加支援の場づくりの取組',
    'ア',
    '居場所の現状分析プロジェクト',
    ['居場所の現状分析', '居場所づくりの推進', null, null, null],
  ],
  [
    3,
    '参加支援の場づくりの取組',
    'ウ',
    '「こえる場！」の参画企業・団体等との協働',
    ['協働推進', null, '事務局運営の体制検討', null, null],
  ],
  [
    4,
    '地域の社会資源やつながり等を生かした地域づくりの推進',
    'イ',
    '地域住民との協働による地域プロフィールと地域ビジョンづくり',
    ['地域アセスメントの実施', '地域プロフィールづくり・地域ビジョンづくり', null, null, null],
  ],
  [
    5,
    '（1）〜（4）を推進する人材育成',
    'ア',
    '「包括的」と「重層的」の両方の視点を持つ専門職の育成',
    ['研修の整理', '研修の体系化・試行', '研修の実施', null, null],
  ],
];
/** 人員 of the demo programs, by function. */
const STAFFING: Partial<Record<FunctionCode, string>> = {
  '1i': '各センター 専門職3名以上',
  '1ro': '相談支援専門員 4名',
  '1ni': '主任相談支援員 1名・相談支援員 3名',
  '3ro': '生活支援コーディネーター 1名',
  '4': '事業担当 2名（うち会計年度任用職員 1名）',
};

const PAST_PROGRESS = ['計画どおり実施した。', '一部の圏域で実施した。残りは次年度に行う。'];
const PAST_EVALUATION: PlanEvaluation[] = ['achieved', 'partly'];

export async function seedDemoProgram(tx: Database, tenantId: string, managerId: string, today: string) {
  const year = fiscalYearOf(today);
  const first = year - 2;
  await tx
    .insert(programYears)
    .values({ tenantId, fiscalYear: year, population: 93_500, updatedByUserId: managerId });
  await tx.insert(programs).values(
    PROGRAMS.map(([functionCode, name, field, methods, agencies, department, operator], position) => ({
      tenantId,
      fiscalYear: year,
      functionCode,
      name,
      field,
      methods,
      agencies,
      department,
      operator,
      staffing: STAFFING[functionCode] ?? null,
      position,
      updatedByUserId: managerId,
    })),
  );
  const [plan] = await tx
    .insert(programPlans)
    .values({
      tenantId,
      title: '重層的支援体制整備事業実施計画',
      firstYear: first,
      lastYear: first + 4,
      updatedByUserId: managerId,
    })
    .returning({ id: programPlans.id });
  if (!plan) throw new Error('demo plan not inserted');
  for (const [position, [headingNo, heading, label, title, planned]] of ITEMS.entries()) {
    const [item] = await tx
      .insert(planItems)
      .values({
        tenantId,
        planId: plan.id,
        headingNo,
        heading,
        label,
        title,
        position,
        updatedByUserId: managerId,
      })
      .returning({ id: planItems.id });
    if (!item) throw new Error('demo plan item not inserted');
    const years = planned.map((text, i) => ({ text, fiscalYear: first + i })).filter((y) => y.text !== null);
    if (years.length)
      await tx.insert(planItemYears).values(
        years.map((y) => ({
          tenantId,
          itemId: item.id,
          fiscalYear: y.fiscalYear,
          planned: y.text,
          progress: y.fiscalYear < year ? PAST_PROGRESS[position % 2] : null,
          evaluation: y.fiscalYear < year ? PAST_EVALUATION[position % 2] : null,
          updatedByUserId: managerId,
        })),
      );
  }
}
