import {
  BROUGHT_BY_LABELS,
  CHANNEL_LABELS,
  CONSENT_METHOD_LABELS,
  type ConsentMethod,
  OUTCOME_LABELS,
  type ShareConsent,
} from '../../shared/intake-vocabulary';
import type { IssueDefinition } from '../../shared/issues';
import { FIELD_DEFINITIONS, type FixableField, type FixedValues, headerKey } from './import-fields';

// Cells as offices write them, read into the values of the intake form. A word the form does
// not know is left for the report to name (undefined), never guessed.

const wordKey = (value: string) => headerKey(value);

function vocabulary<T extends string>(labels: Record<T, string>, synonyms: Record<string, T> = {}) {
  const byWord = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    byWord.set(wordKey(label), code);
    byWord.set(wordKey(code), code);
  }
  for (const [word, code] of Object.entries(synonyms)) byWord.set(wordKey(word), code);
  return {
    read: (value: string): T | undefined => byWord.get(wordKey(value)),
    words: Object.values<string>(labels).join('・'),
  };
}

export const channels = vocabulary(CHANNEL_LABELS, {
  窓口: 'visit_office',
  来庁: 'visit_office',
  来所相談: 'visit_office',
  電話相談: 'phone',
  家庭訪問: 'home_visit',
  訪問相談: 'home_visit',
  関係機関: 'from_agency',
  他機関から: 'from_agency',
  地域: 'from_community',
  民生委員から: 'from_community',
});

export const broughtBy = vocabulary(BROUGHT_BY_LABELS, {
  本人から: 'self',
  親族: 'family',
  近所: 'neighbour',
});

// Imports record what was done; a referral is made on the screen, where its recipient is chosen.
const IMPORTABLE_OUTCOMES = {
  handled_here: OUTCOME_LABELS.handled_here,
  info_only: OUTCOME_LABELS.info_only,
};
export const outcomes = vocabulary(IMPORTABLE_OUTCOMES, {
  対応: 'handled_here',
  情報提供: 'info_only',
  終了: 'info_only',
});
export const referralOutcome = vocabulary(OUTCOME_LABELS, { つなぎ: 'refer_agency' });

export const shareConsents = vocabulary<ShareConsent>(
  { given: 'あり', not_given: 'なし', not_asked: '未確認' },
  { 同意あり: 'given', 同意なし: 'not_given', 有: 'given', 無: 'not_given', 済: 'given', 未: 'not_asked' },
);

export const consentMethods = vocabulary<ConsentMethod>(CONSENT_METHOD_LABELS, {
  文書: 'written',
  口答: 'oral',
});

const YES = new Set(['はい', '○', '〇', '◯', '有', 'あり', '緊急', 'yes', 'true', '1', 'y'].map(wordKey));
const NO = new Set(['いいえ', '×', '無', 'なし', 'no', 'false', '0', 'n'].map(wordKey));
export function readYesNo(value: string): boolean | undefined {
  const key = wordKey(value);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/** Several values in one cell: 「、」「，」「；」「/」 or a line break. */
export const splitList = (value: string) =>
  value
    .split(/[、，,；;／/\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** 山田 太郎 → 山田 / 太郎 (the first space, half- or full-width); no space: all of it is the 氏. */
export function splitName(value: string): [string, string] {
  const trimmed = value.trim();
  const at = trimmed.search(/[\s\u3000]/);
  if (at < 0) return [trimmed, ''];
  return [trimmed.slice(0, at), trimmed.slice(at + 1).trim()];
}

/** Issues by their label (or code), in the municipality's vocabulary. */
export function issueReader(vocabularyOf: IssueDefinition[]) {
  const byWord = new Map<string, string>();
  for (const issue of vocabularyOf) {
    byWord.set(wordKey(issue.label), issue.code);
    byWord.set(wordKey(issue.code), issue.code);
    // 「住まいの不安定（ホームレス…）」 may be written without its brackets' content
    const short = issue.label.replace(/（.*）$/, '');
    if (!byWord.has(wordKey(short))) byWord.set(wordKey(short), issue.code);
  }
  return (value: string) => byWord.get(wordKey(value));
}

const FIXED_VOCABULARIES = { channel: channels, broughtBy, outcome: outcomes, shareConsent: shareConsents };

/** The words offered on the screen for a value of every row. */
export const FIXED_CHOICES: Record<FixableField, string[]> = {
  channel: Object.values(CHANNEL_LABELS),
  broughtBy: Object.values(BROUGHT_BY_LABELS),
  outcome: Object.values(IMPORTABLE_OUTCOMES),
  shareConsent: ['あり', 'なし', '未確認'],
};

/** The values given for every row that the form would not take, as messages. */
export function fixedValueProblems(fixed: FixedValues): string[] {
  return (Object.entries(fixed) as [FixableField, string][])
    .filter(([field, value]) => FIXED_VOCABULARIES[field].read(value) === undefined)
    .map(
      ([field, value]) =>
        `「${FIELD_DEFINITIONS[field].label}」の値「${value}」は使えません。${FIXED_VOCABULARIES[field].words} のいずれかにしてください。`,
    );
}
