import type { CaseStatus } from '../../shared/case-vocabulary';
import type { ReferralStatus } from '../../shared/intake-vocabulary';

export const REFERRAL_STATUS_COLORS: Record<ReferralStatus, string> = {
  draft: 'gray',
  requested: 'blue',
  accepted: 'teal',
  declined: 'red',
  cancelled: 'gray',
  in_progress: 'teal',
  completed: 'teal',
  unsuccessful: 'red',
};

export { personName } from '../../shared/names';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  received: 'blue',
  screening: 'blue',
  assessment: 'indigo',
  planning: 'indigo',
  awaiting_decision: 'orange',
  supporting: 'teal',
  evaluating: 'grape',
  suspended: 'gray',
  closed: 'gray',
  connected: 'cyan',
};
