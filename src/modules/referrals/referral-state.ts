import type { ReferralStatus } from '../../shared/intake-vocabulary';

// The closed loop of a referral (aligned with the HL7 SDOH referral task):
// 下書き → 依頼 → 受理 / 辞退 / 取消 → 対応中 → 完了 or 不調.
export type Side = 'sender' | 'recipient';

export const TRANSITIONS: Record<ReferralStatus, Partial<Record<ReferralStatus, Side>>> = {
  draft: { requested: 'sender', cancelled: 'sender' },
  requested: { accepted: 'recipient', declined: 'recipient', cancelled: 'sender' },
  accepted: { in_progress: 'recipient', unsuccessful: 'recipient' },
  in_progress: { completed: 'recipient', unsuccessful: 'recipient' },
  declined: {},
  cancelled: {},
  completed: {},
  unsuccessful: {},
};

/** Transitions that must say why (辞退の理由) or how it ended (完了・不調の結果). */
export const NOTE_REQUIRED: ReferralStatus[] = ['declined', 'completed', 'unsuccessful'];

export function allowedSide(from: ReferralStatus, to: ReferralStatus): Side | undefined {
  return TRANSITIONS[from][to];
}
