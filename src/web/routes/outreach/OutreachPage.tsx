import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import {
  REPORT_FOLLOW_UP_LABELS,
  REPORTER_KIND_LABELS,
  RISK_LABELS,
  STAGE_LABELS,
} from '../../../shared/outreach-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { hasPermission, useSession } from '../../lib/session';
import { RISK_COLORS, STAGE_COLORS } from './outreach-colors';
import { myReportsQuery, OUTREACH, type RecordView, recordPath, recordsQuery } from './outreach-queries';
import { ReportDialog } from './ReportDialog';

const VIEWS: { value: RecordView; label: string }[] = [
  { value: 'open', label: '関わっている' },
  { value: 'mine', label: '自分の担当' },
  { value: 'stale', label: '接触が途絶えている' },
  { value: 'closed', label: 'つないだ・終了' },
];

export function OutreachPage() {
  const session = useSession();
  const team = hasPermission(session, 'outreach.work');
  const [reporting, setReporting] = useState(false);
  const router = useRouter();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            アウトリーチ
          </Title>
          <Text c="gray.8">
            {team
              ? '見守りや地域から届いた気になる人・世帯と、時間をかけた関係づくりの記録です。'
              : '地域や見守り協定先から気になる人・世帯の情報を受けたら、ここからアウトリーチの担当に届けます。'}
          </Text>
        </div>
        <Group>
          <Button variant="default" component={Link} to={`${OUTREACH}/partners`}>
            見守り協定先
          </Button>
          <Button onClick={() => setReporting(true)}>気になる人・世帯の報告を受ける</Button>
        </Group>
      </Group>
      {team ? <Records /> : <MyReports />}
      {reporting && (
        <ReportDialog
          namesRecord={team}
          onClose={() => setReporting(false)}
          onFiled={(r) => r.recordId && router.history.push(recordPath(r.recordId))}
        />
      )}
    </Stack>
  );
}

function Records() {
  const [view, setView] = useState<RecordView>('open');
  const records = useQuery(recordsQuery(view));
  const rows = records.data?.records ?? [];
  return (
    <>
      <Group justify="space-between">
        <SegmentedControl
          aria-label="表示する記録"
          data={VIEWS}
          value={view}
          onChange={(v) => setView(v as RecordView)}
        />
        <ExportButton
          list="outreach-records"
          filters={{ view }}
          label={`アウトリーチの記録（${VIEWS.find((v) => v.value === view)?.label}）`}
        />
      </Group>
      <ErrorAlert error={records.error} title="記録を表示できません" />
      {records.data && rows.length === 0 && (
        <EmptyState title="該当する記録はありません">
          {view === 'stale'
            ? `${records.data.staleDays}日以上接触の試みがない記録はありません。`
            : '「気になる人・世帯の報告を受ける」で、民生委員や見守り協定先からの情報を記録すると、ここに並びます。'}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>呼び名</Table.Th>
              <Table.Th>場所</Table.Th>
              <Table.Th>関係の段階</Table.Th>
              <Table.Th>最後の接触</Table.Th>
              <Table.Th>次の予定</Table.Th>
              <Table.Th>担当</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {r.risk !== 'normal' && (
                      <Badge color={RISK_COLORS[r.risk]} variant={r.risk === 'life' ? 'filled' : 'light'}>
                        {RISK_LABELS[r.risk]}
                      </Badge>
                    )}
                    <Anchor component={Link} to={recordPath(r.id)} fw={700}>
                      {r.label}
                    </Anchor>
                  </Group>
                </Table.Td>
                <Table.Td>{[r.location, r.areaName].filter(Boolean).join('・') || '—'}</Table.Td>
                <Table.Td>
                  <Badge color={STAGE_COLORS[r.stage]} variant="light">
                    {STAGE_LABELS[r.stage]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.lastContactOn ? <DateText value={r.lastContactOn} /> : 'まだ'}
                  {r.stale && (
                    <Badge ml={6} color="orange" variant="outline">
                      途絶えている
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{r.nextContactOn ? <DateText value={r.nextContactOn} /> : '—'}</Table.Td>
                <Table.Td>
                  {r.assignees.length ? (
                    r.assignees.map((a) => a.name).join('、')
                  ) : (
                    <Text span c="red.8" size="sm">
                      未定
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

/** The reporter's view: each report was received and followed up. What was found stays with the team. */
function MyReports() {
  const reports = useQuery(myReportsQuery);
  const rows = reports.data?.reports ?? [];
  return (
    <Stack>
      <Title order={2} size="h4">
        あなたが受けた報告
      </Title>
      <ErrorAlert error={reports.error} />
      {reports.data && rows.length === 0 ? (
        <EmptyState title="まだ報告はありません">
          民生委員・近所の方・見守り協定先などから「気になる」と聞いたら、「気になる人・世帯の報告を受ける」で届けてください。
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="gray.8">
            本人の同意がない段階の情報のため、対応の内容はアウトリーチの担当だけが見られます。ここには対応の状況だけが表示されます。
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>受けた日</Table.Th>
                <Table.Th>情報の出どころ</Table.Th>
                <Table.Th>対応の状況</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <DateText value={r.receivedOn} />
                  </Table.Td>
                  <Table.Td>{REPORTER_KIND_LABELS[r.reporterKind]}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={r.followUp === 'done' ? 'teal' : r.followUp === 'received' ? 'gray' : 'indigo'}
                    >
                      {REPORT_FOLLOW_UP_LABELS[r.followUp]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
