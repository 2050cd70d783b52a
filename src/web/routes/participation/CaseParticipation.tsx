import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PLACEMENT_STAGE_LABELS } from '../../../shared/participation-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Member, OpenSupportDialog } from './OpenSupportDialog';
import { supportPath, supportsQuery } from './participation-queries';

/** 参加支援 of the case's people: where each stands, and the way to start one. */
export function CaseParticipation({
  caseId,
  members,
  canWrite,
}: {
  caseId: string;
  members: Member[];
  canWrite: boolean;
}) {
  const list = useQuery(supportsQuery({ caseId }));
  const [opening, setOpening] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-participation-title">
      <Title order={2} size="h5" id="case-participation-title" mb="xs">
        参加支援
      </Title>
      <ErrorAlert error={list.error} title="参加支援を読み込めませんでした" />
      <Stack gap={4}>
        {list.data?.supports.map((s) => (
          <Text key={s.id} size="sm">
            <Anchor component={Link} to={supportPath(s.id)}>
              {s.personName}さん
            </Anchor>
            ：
            {s.placements.length === 0
              ? '候補を検討中'
              : s.placements.map((p) => `${p.resourceName}：${PLACEMENT_STAGE_LABELS[p.stage]}`).join('／')}
            （担当 {s.coordinatorName}）
          </Text>
        ))}
        {list.data?.supports.length === 0 && (
          <Text size="sm" c="gray.7">
            居場所・活動・就労体験など、本人が社会とつながる場を一緒に探すときに始めます。
          </Text>
        )}
      </Stack>
      {canWrite && (
        <Button mt="sm" variant="light" fullWidth onClick={() => setOpening(true)}>
          参加支援を始める
        </Button>
      )}
      {opening && (
        <OpenSupportDialog source={{ caseId }} members={members} onClose={() => setOpening(false)} />
      )}
    </Paper>
  );
}
