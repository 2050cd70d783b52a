import type { Database } from '../../db/client';
import type { LegalBasis, Tier } from '../../shared/meeting-vocabulary';
import { meetingBodies, meetingBodyMembers } from '../meetings/meetings.tables';

// The meeting bodies of the seed documents: 重層的支援会議 (monthly), 支援会議 (as needed),
// 庁内連携会議 (bi-monthly), チーム会議 (芦屋), and the three tiers of 三田.

type DemoBody = {
  name: string;
  legalBasis: LegalBasis;
  tier?: Tier;
  requiresConsent: boolean;
  /** 事例は扱わない（テーマのみ） */
  themesOnly?: boolean;
  cadence: string;
  /** Demo users by login id, and outside members as [name, affiliation]. */
  users: string[];
  outside?: [string, string][];
};

const FRONT_LINE = ['demo-coordinator', 'demo-consultant', 'demo-jiritsu', 'demo-disability', 'demo-child'];

export const DEMO_MEETING_BODIES: DemoBody[] = [
  {
    name: '重層的支援会議',
    legalBasis: 'multi_layered',
    requiresConsent: true,
    cadence: '毎月',
    users: FRONT_LINE,
  },
  {
    name: '支援会議（法第106条の6）',
    legalBasis: 'support_meeting_106_6',
    requiresConsent: false,
    cadence: '随時',
    users: ['demo-coordinator', 'demo-outreach', 'demo-consultant', 'demo-jiritsu'],
    outside: [['保護観察官（つなぐ保護観察所）', 'つなぐ保護観察所']],
  },
  {
    name: '庁内連携会議',
    legalBasis: 'internal_liaison',
    requiresConsent: true,
    cadence: '隔月',
    users: ['demo-coordinator'],
    outside: [
      ['生活福祉課 担当係長', 'つなぐ市 生活福祉課'],
      ['税務課 担当係長', 'つなぐ市 税務課'],
      ['住宅課 担当係長', 'つなぐ市 住宅課'],
    ],
  },
  {
    name: 'チーム会議',
    legalBasis: 'team',
    requiresConsent: true,
    cadence: '随時',
    users: ['demo-coordinator'],
  },
  {
    name: '多機関協働支援会議（全体会議）',
    legalBasis: 'multi_layered',
    tier: 'plenary',
    requiresConsent: true,
    // 三田's 全体会議: information sharing among 26 divisions and 21 organisations, never a case
    themesOnly: true,
    cadence: '年2回',
    users: FRONT_LINE,
  },
  {
    name: '多機関協働支援会議（実務者会議）',
    legalBasis: 'multi_layered',
    tier: 'practitioners',
    requiresConsent: true,
    cadence: '毎月',
    users: FRONT_LINE,
  },
  {
    name: '多機関協働支援会議（個別事例検討会議）',
    legalBasis: 'multi_layered',
    tier: 'case_review',
    requiresConsent: true,
    cadence: '随時',
    users: ['demo-coordinator'],
  },
];

/** The day the members of the 支援会議 were told of their duty of confidentiality (demo). */
const DEMO_NOTICE_DAY = '2026-04-01';

export async function seedDemoMeetingBodies(
  tx: Database,
  tenantId: string,
  userIds: Map<string, { id: string; name: string; affiliation: string }>,
) {
  for (const { users: logins, outside = [], ...body } of DEMO_MEETING_BODIES) {
    const [row] = await tx
      .insert(meetingBodies)
      .values({ ...body, tenantId })
      .returning({ id: meetingBodies.id });
    if (!row) throw new Error('demo body not created');
    const noticeDay = body.requiresConsent ? null : DEMO_NOTICE_DAY;
    const members = [
      ...logins.map((login) => {
        const user = userIds.get(login);
        if (!user) throw new Error(`demo user ${login} missing`);
        return { userId: user.id, name: user.name, affiliation: user.affiliation };
      }),
      ...outside.map(([name, affiliation]) => ({ userId: null, name, affiliation })),
    ];
    await tx.insert(meetingBodyMembers).values(
      members.map((m) => ({
        ...m,
        tenantId,
        bodyId: row.id,
        confidentialityNotifiedOn: noticeDay,
        // members since the start of the year, the day they were told of the duty
        createdAt: new Date(`${DEMO_NOTICE_DAY}T09:00:00+09:00`),
      })),
    );
  }
}
