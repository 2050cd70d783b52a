import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { END_REASON_LABELS, RISK_LABELS, STAGE_LABELS, STAGES } from '../../../shared/outreach-vocabulary';
import { DateText } from '../../components/DateText';
import { ActivityDialog } from './ActivityDialog';
import { OutreachTimeline } from './OutreachTimeline';
import { RISK_COLORS, STAGE_COLORS } from './outreach-colors';
import { OUTREACH, recordQuery } from './outreach-queries';
import { RecordEditDialog } from './RecordEditDialog';
import { ReportDialog } from './ReportDialog';
import { StageDialog } from './StageDialog';

const LADDER = STAGES.filter((s) => s !== 'ended');
type Dialog = 'contact' | 'groundwork' | 'stage' | 'edit' | 'report' | null;

export function RecordPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: record } = useSuspenseQuery(recordQuery(id));
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = !['consented', 'ended'].includes(record.stage);
  const close = () => setDialog(null);
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to={OUTREACH}>
          アウトリーチ
        </Anchor>{' '}
        ／ 記録
      </Text>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {record.label}
            </Title>
            <Badge
              color={RISK_COLORS[record.risk]}
              variant={record.risk === 'life' ? 'filled' : 'light'}
              size="lg"
            >
              {RISK_LABELS[record.risk]}
            </Badge>
            {record.stale && (
              <Badge color="orange" variant="outline" size="lg">
                接触が途絶えている
              </Badge>
            )}
          </Group>
          <Text c="gray.8">
            {[record.location, record.areaName].filter(Boolean).join('・') || '場所未確認'}／ 担当：
            {record.assignees.length
              ? record.assignees.map((a) => `${a.name}（${a.organisationName}）`).join('、')
              : '未定'}
            ／ 受付 <DateText value={record.openedOn} />
          </Text>
        </div>
        {open && (
          <Group>
            <Button variant="default" onClick={() => setDialog('edit')}>
              担当・呼び名
            </Button>
            <Button variant="default" onClick={() => setDialog('report')}>
              情報を加える
            </Button>
          </Group>
        )}
      </Group>

      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              関係の段階
            </Title>
            <Badge color={STAGE_COLORS[record.stage]} variant="light" size="lg">
              {STAGE_LABELS[record.stage]}（<DateText value={record.stageSince} />
              から）
            </Badge>
          </Group>
          <Stepper
            active={LADDER.indexOf(record.stage === 'ended' ? 'not_contacted' : record.stage)}
            size="sm"
            allowNextStepsSelect={false}
          >
            {LADDER.map((s) => (
              <Stepper.Step key={s} label={STAGE_LABELS[s]} />
            ))}
          </Stepper>
          {record.stage === 'ended' && (
            <Alert color="gray" title="この記録は終了しています">
              理由：{record.endReason ? END_REASON_LABELS[record.endReason] : '—'}
              。新しい情報があれば、報告として受け付けてください。
            </Alert>
          )}
          {record.stage === 'consented' && (
            <Alert color="teal" title="本人の同意を得て、相談につなぎました">
              {record.personName}
              さんの相談として受け付けています。これまでの経過は世帯の画面と事例で見られます。
              {record.householdId && (
                <>
                  {' '}
                  <Anchor component={Link} to={`/households/${record.householdId}`}>
                    世帯の画面へ
                  </Anchor>
                </>
              )}
            </Alert>
          )}
          {open && (
            <Group>
              <Button onClick={() => setDialog('contact')}>接触を記録</Button>
              <Button variant="default" onClick={() => setDialog('groundwork')}>
                情報収集・ネットワークづくりを記録
              </Button>
              <Button variant="default" onClick={() => setDialog('stage')}>
                段階を変える・終了する
              </Button>
              {record.canConvert && (
                <Button color="teal" component={Link} to={`/intake/new?outreach=${record.id}`}>
                  同意を得て相談につなぐ
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Paper>

      <OutreachTimeline record={record} />

      {dialog === 'contact' && <ActivityDialog record={record} kind="contact" onClose={close} />}
      {dialog === 'groundwork' && <ActivityDialog record={record} kind="info_gathering" onClose={close} />}
      {dialog === 'stage' && <StageDialog record={record} onClose={close} />}
      {dialog === 'edit' && <RecordEditDialog record={record} onClose={close} />}
      {dialog === 'report' && (
        <ReportDialog recordId={record.id} namesRecord onFiled={() => {}} onClose={close} />
      )}
    </Stack>
  );
}
