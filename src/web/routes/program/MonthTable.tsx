import { Table, Text } from '@mantine/core';
import { countUnit, type IndicatorResult, monthLabel, unitSuffix } from './program-queries';

const cell = (value: number | null, unit: string) =>
  value === null ? `5${countUnit(unit)}未満` : `${value.toLocaleString('ja-JP')}${unitSuffix(unit)}`;
/**
 * A total hidden after a shown one is not small (it only grew by 1–4, which its difference would
 * tell): it says 非表示, never 5件未満, which would read as the count going down.
 */
const totalCell = (months: { value: number | null }[], at: number, unit: string) =>
  months[at]?.value === null && months.slice(0, at).some((m) => (m.value ?? 0) > 0)
    ? '非表示'
    : cell(months[at]?.value ?? null, unit);

/** An indicator month by month: the total to date, what the month added, and the pace to the target. */
export function MonthTable({ indicator }: { indicator: IndicatorResult }) {
  const { months, target, unit } = indicator;
  if (months.length === 0)
    return (
      <Text size="sm" c="gray.8">
        この年度はまだ始まっていません。
      </Text>
    );
  const rate = unit === '%' || unit === '件/10万人・月';
  // the municipality's own indicators say which months are still to be entered
  const typed = months.some((m) => m.notEntered !== undefined);
  return (
    <>
      <Table withTableBorder fz="sm" aria-label={`${indicator.label}の月ごとの実績`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>月</Table.Th>
            {months.map((m) => (
              <Table.Th key={m.month} ta="right" className="nowrap">
                {monthLabel(m.month)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{rate ? 'その月まで' : typed ? '入力済みの累計' : '累計'}</Table.Th>
            {months.map((m, at) => (
              <Table.Td key={m.month} ta="right" className="nowrap">
                {totalCell(months, at, unit)}
              </Table.Td>
            ))}
          </Table.Tr>
          {!rate && (
            <Table.Tr>
              <Table.Th scope="row">その月</Table.Th>
              {months.map((m) => (
                <Table.Td key={m.month} ta="right" className="nowrap">
                  {m.notEntered ? '未入力' : m.inMonth === null ? '—' : cell(m.inMonth, unit)}
                </Table.Td>
              ))}
            </Table.Tr>
          )}
          {target && !rate && (
            <Table.Tr>
              <Table.Th scope="row">目標のペース</Table.Th>
              {months.map((m) => (
                <Table.Td key={m.month} ta="right" c="gray.8">
                  {Math.round((target.value * m.month) / 12).toLocaleString('ja-JP')}
                  {unitSuffix(unit)}
                </Table.Td>
              ))}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {indicator.aboutPeople && (
        <Text size="xs" c="gray.8" mt={4}>
          人に関わる数は、1〜4件の動きが前後の差から分からないよう、一部の月を「5件未満」「非表示」「—」で表示しています。累計の「非表示」は、前の月から1〜4件増えたため数を出さない月です（減ったのではありません）。「その月」の「—」は、その月の数を表示できないことを表します。
        </Text>
      )}
    </>
  );
}
