import type { Resource } from '../../../modules/resources/resources.schemas';
import { TARGET_ATTRIBUTE_LABELS, WEEKDAY_LABELS } from '../../../shared/participation-vocabulary';

/** 「月 13:00〜16:00／水 13:00〜16:00」, or 不定期. */
export function scheduleText(r: Pick<Resource, 'schedule' | 'irregular' | 'scheduleNote'>): string {
  const slots = [...r.schedule]
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
    .map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.opens}〜${s.closes}`);
  const base = r.irregular || slots.length === 0 ? '不定期' : slots.join('／');
  return r.scheduleNote ? `${base}（${r.scheduleNote}）` : base;
}

export function targetText(
  r: Pick<Resource, 'forEveryone' | 'ageMin' | 'ageMax' | 'targetAttributes'>,
): string {
  const parts: string[] = [];
  if (r.ageMin !== null && r.ageMax !== null) parts.push(`${r.ageMin}〜${r.ageMax}歳`);
  else if (r.ageMin !== null) parts.push(`${r.ageMin}歳以上`);
  else if (r.ageMax !== null) parts.push(`${r.ageMax}歳以下`);
  parts.push(...r.targetAttributes.map((a) => TARGET_ATTRIBUTE_LABELS[a]));
  if (parts.length === 0) return r.forEveryone ? '誰でも' : '—';
  return parts.join('・');
}

/** 空き: the number for staff; 受け入れ可／要相談 is all the public page says. */
export function placesText(r: Pick<Resource, 'capacity' | 'placesFree'>): string {
  if (r.placesFree === null) return r.capacity ? `定員${r.capacity}人` : '—';
  if (r.placesFree === 0) return r.capacity ? `空きなし（定員${r.capacity}人）` : '空きなし';
  return r.capacity ? `空き${r.placesFree}人（定員${r.capacity}人）` : `空き${r.placesFree}人`;
}
