import { describe, expect, it } from 'vitest';
import type { PlanContent } from './case-content';
import { planChanges } from './case-diff';

const names: Record<string, string> = { o1: '自立相談支援機関', o2: '地域包括支援センター' };
const orgName = (id: string) => names[id] ?? id;

const first: { content: PlanContent; reviewOn: string } = {
  reviewOn: '2026-12-01',
  content: {
    vision: '母が家で暮らし続ける',
    issues: ['家賃の滞納', '母の介護'],
    goals: [{ key: 'g1', text: '滞納を解消する', timeframe: '6か月' }],
    actions: [
      {
        key: 'a1',
        goalKey: 'g1',
        text: '家賃の分納相談',
        organisationId: 'o1',
        userId: null,
        frequency: '月2回',
        from: '2026-11-01',
        until: '2027-04-30',
      },
    ],
  },
};

describe('what changed between two plan versions', () => {
  it('calls the first version the first', () => {
    expect(planChanges(null, first, orgName)).toEqual(['初版']);
  });

  it('names added goals, a change of responsible agency, reordered issues and a new review date', () => {
    const revised = {
      reviewOn: '2027-03-01',
      content: {
        ...first.content,
        issues: ['母の介護', '家賃の滞納'],
        goals: [...first.content.goals, { key: 'g2', text: '息子が居場所を持つ', timeframe: '1年' }],
        actions: [{ ...(first.content.actions[0] as PlanContent['actions'][number]), organisationId: 'o2' }],
      },
    };
    expect(planChanges(first, revised, orgName)).toEqual([
      '課題の優先順位を変更',
      '目標を追加：息子が居場所を持つ',
      '担当を変更：家賃の分納相談（自立相談支援機関→地域包括支援センター）',
      'モニタリング時期 2026-12-01→2027-03-01',
    ]);
  });

  it('says when nothing changed', () => {
    expect(planChanges(first, structuredClone(first), orgName)).toEqual(['変更なし']);
  });
});
