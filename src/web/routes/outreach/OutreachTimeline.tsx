import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { OutreachRecord } from '../../../modules/outreach/outreach.schemas';
import {
  ACTIVITY_KIND_LABELS,
  CONTACT_MEANS_LABELS,
  CONTACT_RESULT_LABELS,
  REACHED_RESULTS,
  REPORTER_KIND_LABELS,
  RISK_LABELS,
  STAGE_LABELS,
} from '../../../shared/outreach-vocabulary';
import { DateText } from '../../components/DateText';

type History = Pick<OutreachRecord, 'reports' | 'activities' | 'stageChanges'>;

/** Reports received, then the contacts, groundwork and stage changes, newest first. */
export function OutreachTimeline({ record, titleLevel = 2 }: { record: History; titleLevel?: 2 | 3 }) {
  const rows = [
    ...record.activities.map((a) => ({
      key: `a-${a.id}`,
      on: a.happenedOn,
      at: a.recordedAt,
      activity: a,
      change: null,
    })),
    ...record.stageChanges
      .filter((c) => c.fromStage !== null)
      .map((c, i) => ({ key: `s-${i}`, on: c.changedOn, at: c.recordedAt, activity: null, change: c })),
  ].sort(
    (a, b) =>
      b.on.localeCompare(a.on) ||
      b.at.localeCompare(a.at) ||
      Number(b.change !== null) - Number(a.change !== null),
  );
  return (
    <>
      <Paper withBorder p="md">
        <Title order={titleLevel} size="h4" mb="sm">
          届いた情報（{record.reports.length}件）
        </Title>
        <Stack gap="sm">
          {record.reports.map((r) => (
            <div key={r.id}>
              <Text size="sm" fw={700}>
                <DateText value={r.receivedOn} />　{REPORTER_KIND_LABELS[r.reporterKind]}
                {r.partnerName && `（${r.partnerName}）`}
                {r.reporterName && `（${r.reporterName}）`}
                {r.risk !== 'normal' && (
                  <Badge ml="xs" color={r.risk === 'life' ? 'red' : 'orange'} variant="light">
                    {RISK_LABELS[r.risk]}
                  </Badge>
                )}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.observed}
              </Text>
              <Text size="sm" c="gray.7">
                {[
                  r.location && `場所：${r.location}`,
                  r.peopleConcerned && `気になる人：${r.peopleConcerned}`,
                  `受付：${r.enteredBy}`,
                ]
                  .filter(Boolean)
                  .join('　')}
              </Text>
            </div>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={titleLevel} size="h4" mb="sm">
          経過
        </Title>
        {rows.length === 0 ? (
          <Text c="gray.8">
            まだ記録はありません。「接触を記録」で訪問や電話の結果を、「情報収集・ネットワークづくりを記録」で関係機関とのやりとりを記録します。
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="nowrap">日付</Table.Th>
                <Table.Th className="nowrap">種類</Table.Th>
                <Table.Th>内容</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ key, on, activity, change }) => (
                <Table.Tr key={key} bg={change ? 'gray.0' : undefined}>
                  <Table.Td className="nowrap">
                    <DateText value={on} />
                  </Table.Td>
                  <Table.Td className="nowrap">
                    {activity?.kind === 'contact' && activity.means && activity.result ? (
                      <>
                        {CONTACT_MEANS_LABELS[activity.means]}：
                        <Badge
                          variant="light"
                          color={REACHED_RESULTS.includes(activity.result) ? 'teal' : 'gray'}
                        >
                          {CONTACT_RESULT_LABELS[activity.result]}
                        </Badge>
                      </>
                    ) : activity ? (
                      ACTIVITY_KIND_LABELS[activity.kind]
                    ) : (
                      '関係の段階'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {activity && (
                      <>
                        {activity.withWhom && (
                          <Text size="sm" fw={500}>
                            {activity.withWhom}
                          </Text>
                        )}
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {activity.notes}
                        </Text>
                        <Text size="xs" c="gray.7">
                          記録：{activity.by}
                          {activity.nextContactOn && (
                            <>
                              ／ 次の接触予定 <DateText value={activity.nextContactOn} />
                            </>
                          )}
                        </Text>
                      </>
                    )}
                    {change && (
                      <Text size="sm">
                        {change.fromStage && STAGE_LABELS[change.fromStage]} →{' '}
                        <b>{STAGE_LABELS[change.toStage]}</b>
                        {change.note && `（${change.note}）`}
                        <Text span size="xs" c="gray.7">
                          {' '}
                          記録：{change.by ?? '—'}
                        </Text>
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
