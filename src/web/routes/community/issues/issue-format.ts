import type { RegionalIssueStatus } from '../../../../shared/community-vocabulary';

export const ISSUE_STATUS_COLORS: Record<RegionalIssueStatus, string> = {
  raised: '#a63b0a', // a darker orange than the palette's, for 4.5:1 on white
  under_discussion: 'blue.9',
  project: 'grape.9',
  in_action: 'teal.9',
  resolved: 'gray.8',
  ongoing: '#7a5200',
};
