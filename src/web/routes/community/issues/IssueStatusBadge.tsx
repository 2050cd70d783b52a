import { Badge } from '@mantine/core';
import {
  REGIONAL_ISSUE_STATUS_LABELS,
  type RegionalIssueStatus,
} from '../../../../shared/community-vocabulary';
import { ISSUE_STATUS_COLORS } from './issue-format';

/** The status of a regional issue, never cut short (「プロジェク…」 tells nothing). */
export function IssueStatusBadge({
  status,
  size = 'md',
}: {
  status: RegionalIssueStatus;
  size?: 'md' | 'lg';
}) {
  return (
    <Badge
      color={ISSUE_STATUS_COLORS[status]}
      variant="outline"
      size={size}
      radius="sm"
      style={{ flexShrink: 0 }}
      styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {REGIONAL_ISSUE_STATUS_LABELS[status]}
    </Badge>
  );
}
