import type { RegionalIssueStatus } from '../../../../shared/community-vocabulary';

export const ISSUE_STATUS_COLORS: Record<RegionalIssueStatus, string> = {
  raised: 'orange.9',
  under_discussion: 'blue.9',
  project: 'grape.9',
  in_action: 'teal.9',
  resolved: 'gray.8',
  ongoing: 'yellow.9',
};
