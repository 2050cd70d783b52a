import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { OutreachPacket } from '../../../modules/meetings/meetings.schemas';
import { RISK_LABELS, STAGE_LABELS } from '../../../shared/outreach-vocabulary';
import { DateText } from '../../components/DateText';
import { apiGet } from '../../lib/api';
import { OutreachTimeline } from '../outreach/OutreachTimeline';
import { RISK_COLORS, STAGE_COLORS } from '../outreach/outreach-colors';
import { sessionPath } from './meeting-queries';

const outreachPacketQuery = (id: string, recordId: string) =>
  queryOptions({
    queryKey: ['meeting-packet', id, 'outreach', recordId],
    queryFn: () => apiGet<OutreachPacket>(`/api/meetings/sessions/${id}/outreach/${recordId}`),
  });

/** 会議資料 of an outreach record at a 支援会議: what was reported and the contact so far. */
export function OutreachPacketPage() {
  const { id, recordId } = useParams({ strict: false }) as { id: string; recordId: string };
  const { data: packet } = useSuspenseQuery(outreachPacketQuery(id, recordId));
  const { record } = packet;
  return (
    <Stack>
      <Text c="gray.8" size="sm">
        <Link to={sessionPath(id)}>
          {packet.session.bodyName}（<DateText value={packet.session.startsAt} />）
        </Link>{' '}
        ／ 会議資料（アウトリーチ）
      </Text>
      <Group gap="sm">
        <Title order={1} size="h2">
          {record.label}
        </Title>
        <Badge color={RISK_COLORS[record.risk]} variant="light" size="lg">
          {RISK_LABELS[record.risk]}
        </Badge>
        <Badge color={STAGE_COLORS[record.stage]} variant="light" size="lg">
          {STAGE_LABELS[record.stage]}
        </Badge>
      </Group>
      <Text c="gray.8">
        {record.location ?? '場所未確認'}／ 受付 <DateText value={record.openedOn} />／ 最後の接触{' '}
        {record.lastContactOn ? <DateText value={record.lastContactOn} /> : 'まだ'}
      </Text>
      <Alert color="orange" variant="light">
        本人の同意がまだない人・世帯です。守秘義務のある会議の資料として表示しています。会議の出席者の外に内容を出さないでください。
        {packet.session.packetWindowEndsOn && (
          <>
            {' '}
            閲覧できるのは <DateText value={packet.session.packetWindowEndsOn} /> までです。
          </>
        )}
      </Alert>
      <OutreachTimeline record={record} />
    </Stack>
  );
}
