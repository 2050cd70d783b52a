import type { ImportKind } from '../../shared/program-vocabulary';

// The fields a spreadsheet row may carry: a person per row, optionally grouped into households
// by a 世帯番号, optionally with a consultation. Pure data, shared by the server and the screen.

export const IMPORT_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'fullKana',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'gender',
  'address',
  'phone',
  'mobile',
  'notes',
  'householdKey',
  'relation',
  'householdName',
  'receivedOn',
  'channel',
  'broughtBy',
  'mainComplaint',
  'issues',
  'primaryIssue',
  'urgent',
  'outcome',
  'shareConsent',
  'consentMethod',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export type FieldGroup = 'person' | 'household' | 'consultation';

type FieldDefinition = { label: string; group: FieldGroup; synonyms: string[]; hint?: string };

export const FIELD_DEFINITIONS: Record<ImportField, FieldDefinition> = {
  fullName: {
    label: '氏名',
    group: 'person',
    synonyms: [
      '名前',
      'お名前',
      '対象者氏名',
      '本人氏名',
      '対象者名',
      '利用者氏名',
      '氏名（漢字）',
      '相談者氏名',
    ],
    hint: '氏と名の間に空白があれば分けて登録します',
  },
  familyName: { label: '氏', group: 'person', synonyms: ['姓', '名字', '苗字'] },
  givenName: { label: '名', group: 'person', synonyms: [] },
  fullKana: {
    label: 'フリガナ',
    group: 'person',
    synonyms: [
      'ふりがな',
      'カナ',
      'かな',
      'カナ氏名',
      '氏名カナ',
      '氏名（カナ）',
      '氏名フリガナ',
      'よみがな',
      'ヨミガナ',
    ],
  },
  familyNameKana: {
    label: '氏（フリガナ）',
    group: 'person',
    synonyms: ['セイ', '姓カナ', '氏カナ', '姓（カナ）'],
  },
  givenNameKana: { label: '名（フリガナ）', group: 'person', synonyms: ['メイ', '名カナ', '名（カナ）'] },
  birthDate: {
    label: '生年月日',
    group: 'person',
    synonyms: ['誕生日', '生年月日（西暦）', '生年月日（和暦）'],
    hint: '2024/4/1・令和6年4月1日・R6.4.1 など',
  },
  gender: { label: '性別', group: 'person', synonyms: [] },
  address: { label: '住所', group: 'person', synonyms: ['現住所', '住所1', '本人住所'] },
  phone: { label: '電話', group: 'person', synonyms: ['電話番号', 'TEL', '連絡先', '自宅電話', '電話番号1'] },
  mobile: { label: '携帯電話', group: 'person', synonyms: ['携帯', '携帯番号', '電話番号2', '携帯電話番号'] },
  notes: { label: '備考', group: 'person', synonyms: ['メモ', '特記事項'] },
  householdKey: {
    label: '世帯番号',
    group: 'household',
    synonyms: ['世帯ID', '世帯コード', '世帯No', '世帯NO.', '世帯No.'],
    hint: '同じ番号の行を一つの世帯にまとめます',
  },
  relation: { label: '続柄', group: 'household', synonyms: ['続き柄', '本人との続柄', '世帯主との続柄'] },
  householdName: { label: '世帯の呼び名', group: 'household', synonyms: ['世帯名'] },
  receivedOn: {
    label: '相談日',
    group: 'consultation',
    synonyms: ['受付日', '相談受付日', '相談年月日', '受付年月日', '相談日時', '受付日時'],
  },
  channel: {
    label: '相談経路',
    group: 'consultation',
    synonyms: ['経路', '相談方法', '受付方法', '相談の経路'],
    hint: '来所・電話・訪問・メール・オンライン・関係機関から・地域から',
  },
  broughtBy: {
    label: '相談者',
    group: 'consultation',
    synonyms: ['相談者区分', '相談者の別'],
    hint: '本人・家族・近隣・民生委員・関係機関・匿名（空欄は本人）',
  },
  mainComplaint: {
    label: '主訴',
    group: 'consultation',
    synonyms: ['相談内容', '相談の概要', '相談要旨', '内容', '相談の内容'],
  },
  issues: {
    label: '課題',
    group: 'consultation',
    synonyms: ['課題分類', '相談分類', '課題の分類'],
    hint: '複数は「、」か「；」で区切る',
  },
  primaryIssue: {
    label: '最も優先する課題',
    group: 'consultation',
    synonyms: ['主な課題', '優先課題', '主たる課題'],
  },
  urgent: { label: '緊急', group: 'consultation', synonyms: ['緊急性', '緊急度'], hint: 'はい・○ で緊急' },
  outcome: {
    label: '対応の結果',
    group: 'consultation',
    synonyms: ['対応', '対応結果'],
    hint: '当機関で対応・情報提供で終了（空欄は当機関で対応）',
  },
  shareConsent: {
    label: '情報共有の同意',
    group: 'consultation',
    synonyms: ['同意', '情報共有同意', '個人情報の共有同意', '共有の同意'],
    hint: 'あり・なし・未確認（空欄は未確認）',
  },
  consentMethod: { label: '同意の方法', group: 'consultation', synonyms: ['同意方法'], hint: '書面・口頭' },
};

export const GROUP_LABELS: Record<FieldGroup, string> = {
  person: '本人',
  household: '世帯',
  consultation: '相談',
};

export const KIND_LABELS: Record<ImportKind, string> = {
  people: '本人の一覧',
  households: '世帯の一覧（世帯番号で世帯員をまとめる）',
  consultations: '相談台帳（1行に1件の相談）',
};

/** What a file of each kind must have a column for (besides the name). */
export const REQUIRED_FIELDS: Record<ImportKind, ImportField[]> = {
  people: [],
  households: ['householdKey', 'relation'],
  consultations: ['receivedOn', 'channel', 'mainComplaint'],
};

/** field → the file's header */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** Fields a file may lack and the user may give one value for every row instead (a ledger of 来所 only). */
export const FIXABLE_FIELDS = ['channel', 'broughtBy', 'outcome', 'shareConsent'] as const;
export type FixableField = (typeof FIXABLE_FIELDS)[number];
/** field → the one value (as a cell would say it) of every row */
export type FixedValues = Partial<Record<FixableField, string>>;

/** Headers compare alike in full- and half-width, with or without spaces, brackets and dots. */
export const headerKey = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）「」・.．:：_-]/g, '');

/** The mapping proposed for a file's headers: exact labels first, then the common synonyms. */
export function proposeMapping(headers: string[]): ColumnMapping {
  const byKey = new Map<string, string>();
  for (const header of headers)
    if (header && !byKey.has(headerKey(header))) byKey.set(headerKey(header), header);
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  const pass = (names: (field: ImportField) => string[]) => {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field]) continue;
      const header = names(field)
        .map((name) => byKey.get(headerKey(name)))
        .find((found) => found !== undefined && !used.has(found));
      if (header) {
        mapping[field] = header;
        used.add(header);
      }
    }
  };
  pass((field) => [FIELD_DEFINITIONS[field].label]);
  pass((field) => FIELD_DEFINITIONS[field].synonyms);
  // one column for the whole name, or two: not both
  if (mapping.fullName && mapping.familyName) delete mapping.familyName;
  if (mapping.fullKana && mapping.familyNameKana) delete mapping.familyNameKana;
  return mapping;
}

/** The kind a file looks like from its mapping: consultations if it has them, then households. */
export function proposeKind(mapping: ColumnMapping): ImportKind {
  if (mapping.receivedOn || mapping.mainComplaint) return 'consultations';
  if (mapping.householdKey) return 'households';
  return 'people';
}

/** Problems of a mapping before any row is read, in Japanese; empty when it can be used. */
export function mappingProblems(
  kind: ImportKind,
  mapping: ColumnMapping,
  headers: string[],
  fixed: FixedValues = {},
): string[] {
  const problems: string[] = [];
  const present = new Set(headers);
  if (!mapping.fullName && !mapping.familyName)
    problems.push('「氏名」（または「氏」）にあたる列を選んでください。');
  if (mapping.fullName && (mapping.familyName || mapping.givenName))
    problems.push('氏名は「氏名」の1列か、「氏」と「名」の2列のどちらかにしてください。');
  if (mapping.fullKana && (mapping.familyNameKana || mapping.givenNameKana))
    problems.push(
      'フリガナは「フリガナ」の1列か、「氏（フリガナ）」と「名（フリガナ）」のどちらかにしてください。',
    );
  const given = new Set<string>(Object.keys(fixed));
  for (const field of REQUIRED_FIELDS[kind])
    if (!mapping[field] && !given.has(field))
      problems.push(
        (FIXABLE_FIELDS as readonly string[]).includes(field)
          ? `${KIND_LABELS[kind]}には「${FIELD_DEFINITIONS[field].label}」が必要です。列を選ぶか、ファイルに列がなければ、その欄の一覧の下にある「すべての行：…」から一つ選んでください。`
          : `${KIND_LABELS[kind]}には「${FIELD_DEFINITIONS[field].label}」にあたる列が必要です。`,
      );
  if (mapping.householdKey && !mapping.relation && !REQUIRED_FIELDS[kind].includes('relation'))
    problems.push('世帯番号を使うときは、「続柄」にあたる列も選んでください（本人・妻・長男など）。');
  const seen = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    if (given.has(field))
      problems.push(
        `「${FIELD_DEFINITIONS[field].label}」は、列か、すべての行で同じ値かのどちらかにしてください。`,
      );
    if (!present.has(header)) problems.push(`列「${header}」はこのファイルにありません。`);
    const other = seen.get(header);
    if (other)
      problems.push(
        `列「${header}」を「${FIELD_DEFINITIONS[other].label}」と「${FIELD_DEFINITIONS[field].label}」の両方に選んでいます。`,
      );
    seen.set(header, field);
  }
  return problems;
}
