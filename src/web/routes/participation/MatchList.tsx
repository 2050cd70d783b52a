import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Support } from '../../../modules/participation/participation.schemas';
import { formatWestern } from '../../../shared/dates';
import { RESOURCE_KIND_LABELS } from '../../../shared/participation-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { matchesQuery, PARTICIPATION_KEYS, resourcePath } from './participation-queries';

/** The ranked resources with why each may or may not fit; the coordinator chooses with the person. */
export function MatchList({ support, onNothingFits }: { support: Support; onNothingFits: () => void }) {
  const ranked = useQuery(matchesQuery(support.id));
  const propose = useApiMutation(
    (resourceId: string) =>
      api('POST', `/api/participation/${support.id}/placements`, {
        resourceId,
        proposedOn: formatWestern(new Date()),
      }),
    { invalidate: PARTICIPATION_KEYS, success: '提案として記録しました。経過は下の「参加先」に記録します。' },
  );
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          参加先の候補
        </Title>
        {support.canWrite && (
          <Button variant="default" onClick={onNothingFits}>
            合う場が見つからない
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.7" mb="sm">
        希望と条件に近い順です（{ranked.data?.considered ?? '…'}
        か所から）。理由と合わない点を本人と確かめて選んでください。
      </Text>
      <ErrorAlert error={ranked.error ?? propose.error} title="候補を表示・提案できませんでした" />
      <Stack gap="xs">
        {ranked.data?.matches.slice(0, 10).map((m) => (
          <Paper key={m.resourceId} withBorder p="sm" radius="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Anchor component={Link} to={resourcePath(m.resourceId)} fw={700}>
                  {m.name}
                </Anchor>
                <Text size="sm" c="gray.7">
                  {m.operatorName}・{m.kinds.map((k) => RESOURCE_KIND_LABELS[k]).join('、')}
                  {m.areaName ? `・${m.areaName}` : ''}
                </Text>
                <Group gap={6} mt={6}>
                  {m.reasons.map((r) => (
                    <Badge key={r} color="teal" variant="light" tt="none">
                      ○ {r}
                    </Badge>
                  ))}
                  {m.mismatches.map((r) => (
                    <Badge key={r} color="red.9" variant="outline" tt="none">
                      × {r}
                    </Badge>
                  ))}
                </Group>
              </div>
              {support.canWrite &&
                (m.alreadyPlaced ? (
                  <Badge variant="outline" color="gray">
                    提案済み
                  </Badge>
                ) : (
                  <Button
                    size="sm"
                    variant="light"
                    loading={propose.isPending && propose.variables === m.resourceId}
                    onClick={() => propose.mutate(m.resourceId)}
                    aria-label={`${m.name}を提案する`}
                  >
                    提案する
                  </Button>
                ))}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
