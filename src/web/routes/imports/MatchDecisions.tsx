import { Badge, Button, Checkbox, Group, Pagination, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RowMatchView } from '../../../modules/imports/imports.schemas';
import { formatWareki } from '../../../shared/dates';

// 名寄せ of the file: for each row that may be someone already registered (or an earlier row),
// the user decides. A choice is 'new', 'p:<person id>' or 'r:<row>'.

export type Choices = Record<number, string>;

const PAGE_SIZE = 20;
const REASONS: Record<string, string> = {
  kana_and_birth_date: 'フリガナと生年月日が一致',
  name_and_birth_date: '氏名と生年月日が一致',
  phone: '電話番号が一致',
};
/** Why a record or row was proposed; a phone alone is said to be possibly a family member's. */
const reasonText = (reasons: string[]) =>
  reasons.every((r) => r === 'phone')
    ? '電話番号だけが一致（家族で同じ電話を使っていることもあります）'
    : reasons.map((r) => REASONS[r]).join('、');
const born = (date: string | null) => (date ? formatWareki(`${date}T00:00:00+09:00`) : '生年月日なし');
const ELSEWHERE =
  'ほかの機関に、同じ方と思われる記録があります（内容は表示されません）。同じ方かもしれないときは、この行は取り込まず、名寄せ担当（コーディネーター）に確認してください。';

/** A row with any possible duplicate, even one the user may not see, is imported only on a decision. */
export const needsDecision = (m: RowMatchView) =>
  m.candidates.length > 0 || m.sameAsRows.length > 0 || m.elsewhere;

type Props = {
  matches: RowMatchView[];
  choices: Choices;
  onChoose: (row: number, choice: string) => void;
  onChooseMany: (choices: Choices) => void;
  skipped: Set<number>;
  onSkip: (row: number, skip: boolean) => void;
};

export function MatchDecisions({ matches, choices, onChoose, onChooseMany, skipped, onSkip }: Props) {
  const [page, setPage] = useState(1);
  const undecided = matches.filter((m) => needsDecision(m) && !choices[m.row] && !skipped.has(m.row)).length;
  // one click only where the earlier row has the same name or フリガナ and birth date: a shared phone alone may be a family member
  const inFileOnly = matches.filter(
    (m) => m.candidates.length === 0 && !m.elsewhere && m.sameAsRows[0]?.reasons.some((r) => r !== 'phone'),
  );
  const shown = matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const sameAsEarlier = () =>
    onChooseMany(Object.fromEntries(inFileOnly.map((m) => [m.row, `r:${m.sameAsRows[0]?.row}`])));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          同じ方かどうか（名寄せ）
        </Title>
        <Badge color={undecided > 0 ? 'red.9' : 'teal.9'} size="lg" autoContrast>
          {undecided > 0 ? `未決定 ${undecided.toLocaleString('ja-JP')}行` : 'すべて決めました'}
        </Badge>
      </Group>
      <Text size="sm">
        フリガナと生年月日、氏名と生年月日、電話番号が一致する記録を探しました。行ごとに選んでください。決めていない行があると取り込めません。
      </Text>
      {inFileOnly.length > 1 && (
        <Group>
          <Button variant="light" onClick={sameAsEarlier}>
            氏名またはフリガナと生年月日が前の行と同じ{inFileOnly.length.toLocaleString('ja-JP')}
            行を、すべて前の行と同じ人にする
          </Button>
        </Group>
      )}
      {shown.map((match) => (
        <MatchCard
          key={match.row}
          match={match}
          choice={choices[match.row] ?? null}
          onChoose={(choice) => onChoose(match.row, choice)}
          skipped={skipped.has(match.row)}
          onSkip={(skip) => onSkip(match.row, skip)}
        />
      ))}
      {matches.length > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(matches.length / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getItemProps={(p) => ({ 'aria-label': `名寄せ ${p}ページ` })}
        />
      )}
    </Stack>
  );
}

type CardProps = {
  match: RowMatchView;
  choice: string | null;
  onChoose: (choice: string) => void;
  skipped: boolean;
  onSkip: (skip: boolean) => void;
};

function MatchCard({ match, choice, onChoose, skipped, onSkip }: CardProps) {
  const linkable = match.candidates.filter((c) => c.canLink);
  const others = match.candidates.filter((c) => !c.canLink);
  const title = `${match.row}行目：${match.name}（${[match.kana, born(match.birthDate)].filter(Boolean).join('・')}）`;
  return (
    <Paper withBorder p="sm" bg={skipped ? 'gray.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text fw={600}>{title}</Text>
          <Checkbox
            size="sm"
            label="この行は取り込まない"
            checked={skipped}
            onChange={(e) => onSkip(e.currentTarget.checked)}
          />
        </Group>
        {needsDecision(match) && (
          <Radio.Group value={choice} onChange={onChoose} label="この行の方は" aria-label={`${title}の方は`}>
            <Stack gap={6} mt={4}>
              {linkable.map((c) => (
                <Radio
                  key={c.personId}
                  value={`p:${c.personId}`}
                  disabled={skipped}
                  label={`同じ人として取り込む（既存の記録に追加）：${c.name}さん`}
                  description={[
                    [c.kana, born(c.birthDate)].filter(Boolean).join('・'),
                    c.address,
                    `${c.registeredBy}が登録`,
                    reasonText(c.reasons),
                  ]
                    .filter(Boolean)
                    .join(' ／ ')}
                />
              ))}
              {match.sameAsRows.map(({ row, reasons }) => (
                <Radio
                  key={row}
                  value={`r:${row}`}
                  disabled={skipped}
                  label={`${row}行目と同じ人として取り込む`}
                  description={`${reasonText(reasons)}。この行の住所・電話・世帯番号は使わず、${row}行目の方に相談を加えます。`}
                />
              ))}
              <Radio
                value="new"
                disabled={skipped}
                label={
                  match.elsewhere
                    ? '別の人として新規登録（ほかの機関の記録とは別の方と確認した）'
                    : '別の人として新規登録'
                }
              />
            </Stack>
          </Radio.Group>
        )}
        {others.map((c) => (
          <Text key={c.personId} size="sm" c="orange.9">
            {c.name}さん（{born(c.birthDate)}・{c.registeredBy}
            が登録）：この方の記録を持つ機関ではないため、同じ人として取り込めません。同じ方なら、この行は取り込まず、コーディネーターに依頼してください。
          </Text>
        ))}
        {match.elsewhere && (
          <Text size="sm" c="orange.9">
            {ELSEWHERE}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
