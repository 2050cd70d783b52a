import { Alert, Checkbox, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { CheckReport } from '../../../modules/imports/imports.schemas';

const PAGE_SIZE = 50;
const n = (value: number) => value.toLocaleString('ja-JP');

/** The dry run's report: how many rows can go in, and each problem by row, column and reason. */
export function ReportView({
  report,
  skipInvalid,
  onSkipInvalid,
}: {
  report: CheckReport;
  skipInvalid: boolean;
  onSkipInvalid: (skip: boolean) => void;
}) {
  const [page, setPage] = useState(1);
  const invalid = report.invalidRows.length;
  const decisions = report.matches.filter((m) => m.candidates.length > 0 || m.sameAsRows.length > 0).length;
  const shown = report.issues.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack>
      <Alert
        color={invalid > 0 ? 'yellow' : 'teal'}
        title="確認しました（まだ何も保存していません）"
        role="status"
      >
        <Text size="sm">
          {n(report.rows)}行のうち、{n(report.validRows)}行は取り込めます
          {report.consultations > 0 && `（うち相談のある行 ${n(report.consultations)}行）`}。
          {invalid > 0 && `誤りのある行が${n(invalid)}行あります。`}
          {decisions > 0 && `同じ方かどうか決める行が${n(decisions)}行あります。`}
        </Text>
      </Alert>
      {invalid > 0 && (
        <Stack gap="xs">
          <Table withTableBorder striped>
            <Table.Caption>
              行は表計算ソフトの行番号（見出しが1行目）、列はファイルの見出しです。
              {report.issueCount > report.issues.length &&
                ` 誤りは全部で${n(report.issueCount)}件あります（最初の${n(report.issues.length)}件を表示）。`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={80}>
                  行
                </Table.Th>
                <Table.Th scope="col" w={200}>
                  列
                </Table.Th>
                <Table.Th scope="col">理由</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((issue) => (
                <Table.Tr key={`${issue.row}:${issue.column}:${issue.message}`}>
                  <Table.Td>{issue.row}行目</Table.Td>
                  <Table.Td>{issue.column}</Table.Td>
                  <Table.Td>{issue.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.issues.length > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(report.issues.length / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getItemProps={(p) => ({ 'aria-label': `誤りの一覧 ${p}ページ` })}
            />
          )}
          <Checkbox
            label={`誤りのある${n(invalid)}行は取り込まない（直してから、あとで取り込む）`}
            description="チェックしないときは、ファイルを直して読み込み直してください。"
            checked={skipInvalid}
            onChange={(e) => onSkipInvalid(e.currentTarget.checked)}
          />
        </Stack>
      )}
    </Stack>
  );
}
