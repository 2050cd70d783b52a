import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../lib/api';

export const isStale = (error: unknown) => error instanceof ApiError && error.code === 'STALE_RECORD';

/**
 * After a save refused because a colleague saved first: the record is read again at once and
 * the colleague's text is shown beside what the user typed (which stays in the form), so that
 * nothing is overwritten unseen. The user takes theirs, or adds to it, and saves again.
 */
export function StaleTextNotice({
  error,
  queryKey,
  latest,
  onTakeLatest,
}: {
  error: unknown;
  queryKey: readonly unknown[];
  latest: string | null;
  onTakeLatest: () => void;
}) {
  const queryClient = useQueryClient();
  const stale = isStale(error);
  // by value: callers build the key afresh on each render
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    if (stale) queryClient.invalidateQueries({ queryKey: JSON.parse(key) });
  }, [stale, queryClient, key]);
  if (!stale) return null;
  return (
    <Alert color="yellow" title="ほかの職員が保存した内容（最新）">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {latest || '（空欄）'}
      </Text>
      <Text size="sm" mt="xs">
        上の最新の内容と、入力欄の自分の内容を見比べてください。自分の内容で保存すると、上の内容は置き換わります。
      </Text>
      <Group mt="xs">
        <Button size="compact-sm" variant="default" onClick={onTakeLatest}>
          最新の内容を入力欄に入れる
        </Button>
      </Group>
    </Alert>
  );
}
