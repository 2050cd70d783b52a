import type { Risk, Stage } from '../../../shared/outreach-vocabulary';

export const RISK_COLORS: Record<Risk, string> = { life: 'red', high: 'orange', normal: 'gray' };

export const STAGE_COLORS: Record<Stage, string> = {
  not_contacted: 'gray',
  attempting: 'grape',
  met: 'cyan',
  building: 'indigo',
  can_consult: 'violet',
  consented: 'teal',
  ended: 'dark',
};
