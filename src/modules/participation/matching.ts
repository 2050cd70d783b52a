import {
  type Activity,
  type Reach,
  type ResourceKind,
  TARGET_ATTRIBUTE_LABELS,
  type TargetAttribute,
  type TimeOfDay,
  WEEKDAY_LABELS,
  type Wish,
} from '../../shared/participation-vocabulary';
import type { ScheduleSlot } from '../resources/resources.tables';

// Matching proposes, never decides: each resource gets a score and, in plain Japanese, why it
// may fit and why it may not. The coordinator reads the reasons and chooses with the person.

export type Needs = {
  wishes: readonly Wish[];
  weekdays: readonly number[];
  timesOfDay: readonly TimeOfDay[];
  areaId: string | null;
  reach: Reach;
  onlyFree: boolean;
  age: number | null;
};

export type Candidate = {
  kinds: readonly ResourceKind[];
  activities: readonly Activity[];
  schedule: readonly ScheduleSlot[];
  irregular: boolean;
  areaId: string | null;
  areaName: string | null;
  forEveryone: boolean;
  targetAttributes: readonly TargetAttribute[];
  ageMin: number | null;
  ageMax: number | null;
  free: boolean;
  costNote: string | null;
  placesFree: number | null;
  status: 'active' | 'paused' | 'ended';
  stale: boolean;
};

export type Fit = { score: number; reasons: string[]; mismatches: string[] };

/** What answers each wish: the kinds of place or the activities there, and how to say it (also matches.service's rough SQL score). */
export const WISH_FITS: Record<Wish, { kinds: ResourceKind[]; activities: Activity[]; reason: string }> = {
  work: {
    kinds: ['work_experience', 'cooperating_company', 'agri_welfare'],
    activities: ['work'],
    reason: '就労体験ができる',
  },
  place: {
    kinds: ['ibasho', 'salon', 'kayoi_no_ba', 'activity_support_center', 'kodomo_shokudo'],
    activities: ['rest'],
    reason: '家以外の居場所になる',
  },
  friends: { kinds: ['peer_group', 'salon'], activities: ['talk'], reason: '仲間と話せる' },
  role: { kinds: ['volunteering'], activities: ['role'], reason: '役割を持てる' },
  learn: { kinds: ['learning_support'], activities: ['learn'], reason: '学べる' },
  exercise: { kinds: ['kayoi_no_ba'], activities: ['exercise'], reason: '体を動かせる' },
  use_skills: { kinds: [], activities: ['hobby', 'craft'], reason: '特技を活かせる' },
  housing: { kinds: ['housing_support'], activities: [], reason: '住まいの相談ができる' },
};

const hour = (time: string) => Number(time.slice(0, 2)) + Number(time.slice(3, 5)) / 60;

/** The times of day a slot covers: 午前 before 12:00, 午後 12:00–17:00, 夕方以降 after 17:00. */
function timesOf(slot: ScheduleSlot): Set<TimeOfDay> {
  const opens = hour(slot.opens);
  const closes = hour(slot.closes);
  const times = new Set<TimeOfDay>();
  if (opens < 12) times.add('morning');
  if (opens < 17 && closes > 12) times.add('afternoon');
  if (closes > 17) times.add('evening');
  return times;
}

const TIME_WORDS: Record<TimeOfDay, string> = { morning: '午前', afternoon: '午後', evening: '夕方' };
const dayList = (days: Iterable<number>) =>
  [...new Set(days)]
    .sort((a, b) => a - b)
    .map((d) => WEEKDAY_LABELS[d])
    .join('・');

function scheduleFit(needs: Needs, candidate: Candidate, fit: Fit) {
  if (candidate.irregular || candidate.schedule.length === 0) {
    fit.mismatches.push('不定期（日程は要確認）');
    return;
  }
  if (needs.weekdays.length === 0) return;
  const wantedTimes = new Set(needs.timesOfDay);
  const matching = candidate.schedule.filter(
    (slot) =>
      needs.weekdays.includes(slot.weekday) &&
      (wantedTimes.size === 0 || [...timesOf(slot)].some((t) => wantedTimes.has(t))),
  );
  if (matching.length > 0) {
    const times = [...new Set(matching.flatMap((s) => [...timesOf(s)].filter((t) => wantedTimes.has(t))))];
    const when = times.length > 0 ? `の${times.map((t) => TIME_WORDS[t]).join('・')}` : '';
    fit.reasons.push(`${dayList(matching.map((s) => s.weekday))}${when}に開いている`);
    fit.score += 30;
    return;
  }
  const openDays = candidate.schedule.map((s) => s.weekday);
  const weekendOnly = openDays.every((d) => d === 0 || d === 6);
  fit.mismatches.push(weekendOnly ? '土日のみ' : `希望の曜日・時間に開いていない（${dayList(openDays)}）`);
  fit.score -= 30;
}

function ageFit(needs: Needs, candidate: Candidate, fit: Fit) {
  if (candidate.ageMin === null && candidate.ageMax === null) {
    if (candidate.forEveryone) fit.reasons.push('誰でも参加できる');
    return;
  }
  const range =
    candidate.ageMax === null
      ? `${candidate.ageMin}歳以上`
      : candidate.ageMin === null
        ? `${candidate.ageMax}歳以下`
        : `${candidate.ageMin}〜${candidate.ageMax}歳`;
  if (needs.age === null) {
    fit.mismatches.push(`対象が${range}（年齢を確認）`);
    return;
  }
  const inRange =
    (candidate.ageMin === null || needs.age >= candidate.ageMin) &&
    (candidate.ageMax === null || needs.age <= candidate.ageMax);
  if (inRange) {
    fit.reasons.push(`${Math.floor(needs.age / 10) * 10}代も参加（対象${range}）`);
    fit.score += 5;
  } else {
    fit.mismatches.push(`対象が${range}`);
    fit.score -= 60;
  }
}

/** Who a place is for, beyond ages: what the person's age tells of it (the rest is to be asked). */
function audienceFit(needs: Needs, candidate: Candidate, fit: Fit) {
  if (candidate.forEveryone || candidate.targetAttributes.length === 0) return;
  const age = needs.age;
  const fitsByAge = (a: TargetAttribute) =>
    age !== null &&
    ((a === 'children' && age < 18) ||
      (a === 'youth' && age >= 15 && age <= 39) ||
      (a === 'elderly' && age >= 60));
  if (candidate.targetAttributes.some(fitsByAge)) return;
  fit.mismatches.push(
    `対象：${candidate.targetAttributes.map((a) => TARGET_ATTRIBUTE_LABELS[a]).join('・')}`,
  );
  fit.score -= 30;
}

export function fitOf(needs: Needs, candidate: Candidate): Fit {
  const fit: Fit = { score: 0, reasons: [], mismatches: [] };
  for (const wish of needs.wishes) {
    const wanted = WISH_FITS[wish];
    if (
      wanted.kinds.some((k) => candidate.kinds.includes(k)) ||
      wanted.activities.some((a) => candidate.activities.includes(a))
    ) {
      fit.reasons.push(wanted.reason);
      fit.score += 25;
    }
  }
  // a place that answers none of the wishes comes after those that do, whatever else fits
  if (needs.wishes.length > 0 && fit.reasons.length === 0) {
    fit.mismatches.push('希望に合う活動がない');
    fit.score -= 40;
  }
  audienceFit(needs, candidate, fit);
  scheduleFit(needs, candidate, fit);
  if (needs.areaId && candidate.areaId === needs.areaId) {
    fit.reasons.push('同じ地区');
    fit.score += 15;
  } else if (needs.areaId && needs.reach === 'same_area') {
    fit.mismatches.push(`住んでいる地区の外（${candidate.areaName ?? '地区未設定'}）`);
    fit.score -= 25;
  }
  if (candidate.placesFree !== null && candidate.placesFree > 0) {
    fit.reasons.push('空きあり');
    fit.score += 10;
  } else if (candidate.placesFree === 0) {
    fit.mismatches.push('定員に空きなし');
    fit.score -= 20;
  }
  ageFit(needs, candidate, fit);
  if (needs.onlyFree && !candidate.free) {
    fit.mismatches.push(`費用がかかる${candidate.costNote ? `（${candidate.costNote}）` : ''}`);
    fit.score -= 15;
  } else if (needs.onlyFree) {
    fit.reasons.push('無料');
  }
  if (candidate.status === 'paused') {
    fit.mismatches.push('休止中');
    fit.score -= 50;
  }
  if (candidate.stale) fit.mismatches.push('情報の確認から時間がたっている（最終確認日を確認）');
  return fit;
}
