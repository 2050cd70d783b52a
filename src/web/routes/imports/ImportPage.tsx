import { Alert, Anchor, Button, Group, List, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { CheckReport, Decision, ImportPlan, Upload } from '../../../modules/imports/imports.schemas';
import { confirmAction } from '../../components/confirm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { useSession } from '../../lib/session';
import { FileStep } from './FileStep';
import { ImportProgress } from './ImportProgress';
import { type Progress, postStreamed } from './import-stream';
import { type MappingChoice, MappingStep } from './MappingStep';
import { type Choices, MatchDecisions, needsDecision } from './MatchDecisions';
import { ReportView } from './ReportView';

// 台帳の取り込み: a municipality's spreadsheet of people, households and consultations, in four
// steps (file → columns → check → import). Nothing is saved before the last step's confirmation.

const n = (value: number) => value.toLocaleString('ja-JP');

function toDecisions(report: CheckReport, choices: Choices, skipped: Set<number>): Decision[] {
  return report.matches.flatMap((m): Decision[] => {
    const choice = choices[m.row];
    if (!choice || skipped.has(m.row) || !needsDecision(m)) return [];
    if (choice === 'new') return [{ row: m.row, choice: 'new' }];
    if (choice.startsWith('p:')) return [{ row: m.row, choice: 'existing', personId: choice.slice(2) }];
    return [{ row: m.row, choice: 'sameAsRow', sameAsRow: Number(choice.slice(2)) }];
  });
}

export function ImportPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ upload: Upload; name: string } | null>(null);
  const [choice, setChoice] = useState<MappingChoice | null>(null);
  const [report, setReport] = useState<CheckReport | null>(null);
  const [running, setRunning] = useState<'check' | 'commit' | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [skipped, setSkipped] = useState<Set<number>>(new Set());
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportPlan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const active = result ? 3 : report || running === 'check' ? 2 : file ? 1 : 0;

  const restart = () => {
    setFile(null);
    setChoice(null);
    setReport(null);
    setResult(null);
    setError(null);
  };
  const check = async (chosen: MappingChoice) => {
    if (!file) return;
    setChoice(chosen);
    setRunning('check');
    setProgress(null);
    setError(null);
    setReport(null);
    try {
      const last = await postStreamed(
        `/api/imports/files/${file.upload.uploadId}/check`,
        { kind: chosen.kind, columns: chosen.columns, fixed: chosen.fixed },
        session.csrfToken,
        setProgress,
      );
      if (last.type === 'report') {
        setReport(last.report);
        setChoices({});
        setSkipped(new Set());
        setSkipInvalid(false);
      }
    } catch (e) {
      setError(e);
    } finally {
      setRunning(null);
    }
  };
  const commit = async (body: { decisions: Decision[]; skipRows: number[] }) => {
    if (!file) return;
    setRunning('commit');
    setProgress(null);
    setError(null);
    try {
      const last = await postStreamed(
        `/api/imports/files/${file.upload.uploadId}/commit`,
        body,
        session.csrfToken,
        setProgress,
      );
      if (last.type === 'done') setResult(last.result);
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(null);
    }
  };
  const confirmImport = async () => {
    if (!file || !report) return;
    const body = {
      decisions: toDecisions(report, choices, skipped),
      skipRows: [...skipped, ...(skipInvalid ? report.invalidRows : [])],
    };
    setError(null);
    try {
      const plan = await api<ImportPlan>('POST', `/api/imports/files/${file.upload.uploadId}/plan`, body);
      confirmAction({
        title: '取り込みますか',
        message: `${file.name} の${n(plan.rows)}行を取り込みます。すべてを一度に記録し、途中で問題があれば何も保存しません。`,
        details: [
          `新しく登録する本人：${n(plan.people)}人`,
          `登録済みの本人に追加：${n(plan.linked)}人`,
          `新しい世帯：${n(plan.households)}件`,
          `相談：${n(plan.consultations)}件${plan.consents > 0 ? `（情報共有の同意 ${n(plan.consents)}件）` : ''}`,
          ...(plan.skipped > 0 ? [`取り込まない行：${n(plan.skipped)}行`] : []),
        ],
        confirmLabel: '取り込む',
        onConfirm: () => void commit(body),
      });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        台帳の取り込み（CSV・Excel）
      </Title>
      {file && (
        <Group gap="sm">
          <Text size="sm">
            ファイル：{file.name}（{n(file.upload.rowCount)}行・
            {file.upload.format === 'xlsx'
              ? 'Excel'
              : file.upload.encoding === 'shift_jis'
                ? 'CSV Shift_JIS'
                : 'CSV UTF-8'}
            ）
          </Text>
          <Button variant="default" size="compact-sm" onClick={restart} disabled={running !== null}>
            {result ? '別のファイルを取り込む' : '別のファイルを選ぶ'}
          </Button>
        </Group>
      )}
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="ファイル" description="CSV・Excel を選ぶ">
          <FileStep
            onRead={(upload, chosen) => {
              setFile({ upload, name: chosen.name });
              setChoice(upload.proposal);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label="列の対応" description="どの列が何か">
          {file && choice && (
            <MappingStep upload={file.upload} initial={choice} onCheck={(c) => void check(c)} />
          )}
        </Stepper.Step>
        <Stepper.Step label="確認" description="取り込まずに確かめる">
          {running === 'check' && (
            <ImportProgress line={progress} label="確認しています（まだ何も保存しません）" />
          )}
          {report && (
            <Stack>
              <ReportView report={report} skipInvalid={skipInvalid} onSkipInvalid={setSkipInvalid} />
              {report.matches.length > 0 && (
                <MatchDecisions
                  matches={report.matches}
                  choices={choices}
                  onChoose={(row, value) => setChoices((c) => ({ ...c, [row]: value }))}
                  onChooseMany={(many) => setChoices((c) => ({ ...many, ...c }))}
                  skipped={skipped}
                  onSkip={(row, skip) =>
                    setSkipped((s) => {
                      const next = new Set(s);
                      if (skip) next.add(row);
                      else next.delete(row);
                      return next;
                    })
                  }
                />
              )}
              {running === 'commit' && <ImportProgress line={progress} label="取り込んでいます" />}
              {/* beside the button that was pressed, not below the fold */}
              <ErrorAlert error={error} title="取り込めませんでした" />
              <Group justify="space-between">
                <Button variant="subtle" onClick={() => setReport(null)} disabled={running !== null}>
                  列の対応に戻る
                </Button>
                <Button
                  size="md"
                  onClick={() => void confirmImport()}
                  loading={running === 'commit'}
                  disabled={report.validRows === 0}
                >
                  {report.validRows === 0 ? '取り込める行がありません' : '取り込む…'}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {result && (
            <Alert color="teal" title="取り込みました" role="status">
              <List size="sm">
                <List.Item>新しく登録した本人：{n(result.people)}人</List.Item>
                <List.Item>登録済みの本人に追加：{n(result.linked)}人</List.Item>
                <List.Item>新しい世帯：{n(result.households)}件</List.Item>
                <List.Item>相談：{n(result.consultations)}件</List.Item>
              </List>
              <Text size="sm" mt="xs">
                取り込んだ方は{' '}
                <Anchor component={Link} to="/households">
                  世帯・本人
                </Anchor>{' '}
                で探せます。
              </Text>
            </Alert>
          )}
        </Stepper.Completed>
      </Stepper>
      {!report && <ErrorAlert error={error} title="できませんでした" />}
    </Stack>
  );
}
