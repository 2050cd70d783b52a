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
