import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { resourcesQuery } from '../participation/participation-queries';

/** Where a consultation was taken when it was at a place of the directory (a salon's 出張相談…). */
export function ConsultationPlace({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const resources = useQuery(resourcesQuery({}));
  return (
    <Select
      mt="sm"
      label="相談を受けた場所（サロンでの出張相談・相談会など。任意）"
      description="地域づくりで、場所ごとの相談件数として数えます（個人は特定されません）"
      placeholder="社会資源から選ぶ"
      searchable
      clearable
      data={(resources.data?.resources ?? []).map((r) => ({ value: r.id, label: r.name }))}
      value={value}
      onChange={onChange}
      maw={520}
    />
  );
}
