import { Badge } from '@mantine/core';

/** Marks a partner without a login (外部の関係機関) wherever it appears beside the agencies. */
export function PartnerBadge() {
  return (
    <Badge
      size="sm"
      variant="outline"
      color="gray.8"
      title="ログインしない機関です。記録は主担当の機関・コーディネーターが行います。"
    >
      外部
    </Badge>
  );
}
