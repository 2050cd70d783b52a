import { Alert, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { agencyGroups, organisationsQuery } from '../../lib/directory';
import { hasPermission, useSession } from '../../lib/session';
import { packetQuery, sessionPath, useSessionChange } from './meeting-queries';
import { PacketView } from './PacketView';

export function PacketPage() {
  const { id, caseId } = useParams({ strict: false }) as { id: string; caseId: string };
  const { data: packet } = useSuspenseQuery(packetQuery(id, caseId));
  const canRun = hasPermission(useSession(), 'meetings.run');
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="gray.8" size="sm">
            <Link to={sessionPath(id)}>
              {packet.session.bodyName}（<DateText value={packet.session.startsAt} />）
            </Link>{' '}
            ／ 会議資料
          </Text>
          <Title order={1} size="h2">
            {packet.case.householdName}
          </Title>
        </div>
        <Group>
          <Button variant="default" component="a" href={`/whiteboard/${id}/${caseId}`} target="_blank">
            ホワイトボード表示
          </Button>
          {canRun && (
            <Button variant="default" component={Link} to={`/cases/${caseId}`}>
              事例のページへ
            </Button>
          )}
        </Group>
      </Group>
      <Alert color="indigo" variant="light">
        この会議のための資料です。会議の出席者の外に内容を出さないでください。
        {packet.session.packetWindowEndsOn && (
          <>
            {' '}
            閲覧できるのは <DateText value={packet.session.packetWindowEndsOn} /> までです。
          </>
        )}
      </Alert>
      {canRun && (
        <ProposedAgencies
          sessionId={id}
          itemId={packet.itemId}
          itemVersion={packet.itemVersion}
          current={packet.proposedOrganisations.map((o) => o.id)}
        />
      )}
      <PacketView packet={packet} />
    </Stack>
  );
}

/** これから関わるべき機関: what the meeting writes on the whiteboard, kept with the item. */
function ProposedAgencies({
  sessionId,
  itemId,
  itemVersion,
  current,
}: {
  sessionId: string;
  itemId: string;
  itemVersion: number;
  current: string[];
}) {
  const organisations = useQuery(organisationsQuery);
  const [value, setValue] = useState(current);
  const save = useSessionChange(sessionId, 'PATCH', `/items/${itemId}`, 'これから関わる機関を保存しました。');
  return (
    <Paper withBorder p="md">
      <ErrorAlert error={save.error} />
      <Group align="flex-end">
        <MultiSelect
          label="これから関わるべき機関"
          description="会議で話し合った、新たに加わるとよい機関です。エコマップに破線で表示されます。"
          searchable
          data={agencyGroups(organisations.data ?? [])}
          value={value}
          onChange={setValue}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          loading={save.isPending}
          onClick={() => save.mutate({ body: { proposedOrganisationIds: value, version: itemVersion } })}
        >
          保存
        </Button>
      </Group>
    </Paper>
  );
}
