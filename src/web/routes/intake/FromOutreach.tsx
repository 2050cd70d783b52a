import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { recordQuery } from '../outreach/outreach-queries';

export function FromOutreach({ recordId }: { recordId: string }) {
  const record = useQuery(recordQuery(recordId));
  return (
    <Alert color="teal" title={`アウトリーチの記録「${record.data?.label ?? '…'}」から受け付けます`}>
      本人を登録し（すでに登録されている方は、重複の候補から選んでください）、関係機関との情報共有への同意を記録してください。保存すると記録は「同意を得た」になり、届いた情報と接触の経過は、世帯の画面と事例で見られるようになります。
    </Alert>
  );
}
