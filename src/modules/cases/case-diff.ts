import { ASSESSMENT_DOMAIN_LABELS, ASSESSMENT_DOMAINS, URGENCY_LABELS } from '../../shared/case-vocabulary';
import type { AssessmentContent, PlanContent } from './case-content';

// What changed between two versions of a document, in words a team reads at a meeting.

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function assessmentChanges(
  previous: AssessmentContent | null,
  next: AssessmentContent,
  nameOf: (personId: string) => string,
): string[] {
  if (!previous) return ['初版'];
  const changes: string[] = [];
  for (const member of next.members) {
    const before = previous.members.find((m) => m.personId === member.personId);
    if (!before) {
      changes.push(`${nameOf(member.personId)}を対象に追加`);
      continue;
    }
    for (const domain of ASSESSMENT_DOMAINS) {
      if ((before.situations[domain] ?? null) !== (member.situations[domain] ?? null)) {
        changes.push(`${nameOf(member.personId)}：${ASSESSMENT_DOMAIN_LABELS[domain]}`);
      }
    }
  }
  for (const member of previous.members) {
    if (!next.members.some((m) => m.personId === member.personId)) {
      changes.push(`${nameOf(member.personId)}を対象から外す`);
    }
  }
  const fields: [keyof AssessmentContent, string][] = [
    ['wishes', '本人・世帯の思い'],
    ['strengths', '本人・世帯の力'],
    ['resources', '地域の資源'],
    ['risks', 'リスク'],
    ['view', 'コーディネーターの見立て'],
  ];
  for (const [field, label] of fields) {
    if (!same(previous[field], next[field])) changes.push(label);
  }
  if (previous.urgency !== next.urgency) {
    changes.push(`緊急度 ${URGENCY_LABELS[previous.urgency]}→${URGENCY_LABELS[next.urgency]}`);
  }
  return changes.length > 0 ? changes : ['変更なし'];
}

type PlanVersionLike = { content: PlanContent; reviewOn: string };

export function planChanges(
  previous: PlanVersionLike | null,
  next: PlanVersionLike,
  organisationName: (id: string) => string,
): string[] {
  if (!previous) return ['初版'];
  const before = previous.content;
  const after = next.content;
  const changes: string[] = [];
  if (before.vision !== after.vision) changes.push('目指す姿を変更');
  if (!same(before.issues, after.issues)) {
    const added = after.issues.filter((i) => !before.issues.includes(i));
    const removed = before.issues.filter((i) => !after.issues.includes(i));
    for (const issue of added) changes.push(`課題を追加：${issue}`);
    for (const issue of removed) changes.push(`課題を削除：${issue}`);
    if (added.length === 0 && removed.length === 0) changes.push('課題の優先順位を変更');
  }
  for (const goal of after.goals) {
    const old = before.goals.find((g) => g.key === goal.key);
    if (!old) changes.push(`目標を追加：${goal.text}`);
    else if (!same(old, goal)) changes.push(`目標を変更：${goal.text}`);
  }
  for (const goal of before.goals) {
    if (!after.goals.some((g) => g.key === goal.key)) changes.push(`目標を削除：${goal.text}`);
  }
  for (const action of after.actions) {
    const old = before.actions.find((a) => a.key === action.key);
    if (!old) changes.push(`支援内容を追加：${action.text}（${organisationName(action.organisationId)}）`);
    else if (old.organisationId !== action.organisationId) {
      changes.push(
        `担当を変更：${action.text}（${organisationName(old.organisationId)}→${organisationName(action.organisationId)}）`,
      );
    } else if (!same(old, action)) changes.push(`支援内容を変更：${action.text}`);
  }
  for (const action of before.actions) {
    if (!after.actions.some((a) => a.key === action.key)) changes.push(`支援内容を削除：${action.text}`);
  }
  if (previous.reviewOn !== next.reviewOn)
    changes.push(`モニタリング時期 ${previous.reviewOn}→${next.reviewOn}`);
  return changes.length > 0 ? changes : ['変更なし'];
}
