import { describe, expect, it } from 'vitest';
import { timeline } from './case-timeline';

type Parts = Parameters<typeof timeline>[0];
const who = { organisationName: '基幹相談支援センター', userName: '相談 花子' };
const record = (id: string, recordedOn: string, createdAt: string) => ({
  id,
  recorded_on: recordedOn,
  created_at: createdAt,
  type: 'phone' as const,
  minutes: 10,
  content: '電話で様子を聞いた',
  goal_key: null,
  action_key: null,
  organisation_name: who.organisationName,
  user_name: who.userName,
  total: 2,
});

describe('the case timeline', () => {
  it('puts the newest day first (days in Japan), and within a day what was written last', () => {
    const parts = {
      plans: [],
      assessments: [],
      // 2026-11-20 16:00 UTC is 2026-11-21 01:00 in Japan
      events: [
        {
          event: {
            id: 'e1',
            kind: 'status',
            toStatus: 'supporting',
            note: null,
            at: new Date('2026-11-20T16:00:00Z'),
          },
          ...who,
        },
      ],
      decisions: [
        {
          decision: {
            id: 'd1',
            kind: 'plan_approval',
            decidedOn: '2026-11-21',
            decidingBody: '重層的支援会議',
            content: 'プランを承認',
            createdAt: new Date('2026-11-21T00:00:00Z'),
          },
          ...who,
        },
      ],
      records: [
        record('r-late', '2026-11-20', '2026-11-21T01:00:00Z'),
        record('r-early', '2026-11-20', '2026-11-20T03:00:00Z'),
      ],
      evaluations: [],
    } as unknown as Parts;
    const { entries, recordTotal } = timeline(parts);
    expect(entries.map((e) => e.key)).toEqual(['d-d1', 'e-e1', 'r-r-late', 'r-r-early']);
    expect(entries[1]?.title).toBe('段階：支援中');
    expect(recordTotal).toBe(2);
  });
});
