import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { readDate } from '../../../modules/imports/import-dates';
import {
  type ColumnMapping,
  FIELD_DEFINITIONS,
  FIXABLE_FIELDS,
  type FieldGroup,
  type FixableField,
  type FixedValues,
  GROUP_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  KIND_LABELS,
  mappingProblems,
  REQUIRED_FIELDS,
} from '../../../modules/imports/import-fields';
import { FIXED_CHOICES } from '../../../modules/imports/import-values';
import type { Mapping, Upload } from '../../../modules/imports/imports.schemas';
import { formatWareki } from '../../../shared/dates';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/program-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { mappingsQuery } from './import-queries';

/** The mapping chosen, and the saved source it came from (to save it again with its version). */
export type MappingChoice = {
  kind: ImportKind;
  columns: ColumnMapping;
  fixed: FixedValues;
  savedId?: string | null;
  source?: string;
};

const UNUSED = '__unused__';
/** A choice of the select that is one value for every row, not a column. */
const FIXED = 'fixed:';
const fixable = (field: ImportField): field is FixableField =>
  (FIXABLE_FIELDS as readonly string[]).includes(field);
const DATE_FIELDS = new Set<ImportField>(['birthDate', 'receivedOn']);
const GROUPS: FieldGroup[] = ['person', 'household', 'consultation'];

/** A cell as the screen shows it: dates in 和暦, like every date of the product. */
function sampleText(field: ImportField, value: string) {
  if (!value) return '—';
  const date = DATE_FIELDS.has(field) ? readDate(value) : null;
  return date ? `${formatWareki(`${date.date}T00:00:00+09:00`)}${date.time ? ` ${date.time}` : ''}` : value;
}

/** Step 2: which column of the file is which field; saved under the source's name for next time. */
export function MappingStep({
  upload,
  initial,
  onCheck,
}: {
  upload: Upload;
  initial: MappingChoice;
  onCheck: (choice: MappingChoice) => void;
}) {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(mappingsQuery);
  const fitting = upload.fittingMappings;
  // the next file from a saved source maps itself (the first time the file is mapped)
  const fits = initial === upload.proposal ? (data.mappings.find((m) => m.id === fitting[0]) ?? null) : null;
  const [kind, setKind] = useState<ImportKind>(fits?.kind ?? initial.kind);
  const [columns, setColumns] = useState<ColumnMapping>(fits?.columns ?? initial.columns);
  const [fixed, setFixed] = useState<FixedValues>(fits?.fixed ?? initial.fixed);
  const [savedId, setSavedId] = useState<string | null>(fits?.id ?? initial.savedId ?? null);
  const [source, setSource] = useState(fits?.source ?? initial.source ?? '');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const saved = data.mappings.find((m) => m.id === savedId) ?? null;
  const problems = mappingProblems(kind, columns, upload.headers, fixed);
  const used = new Set(Object.values(columns));
  const unused = upload.headers.filter((h) => !used.has(h));

  const applySaved = (id: string | null) => {
    setSavedId(id);
    const mapping = data.mappings.find((m) => m.id === id);
    if (!mapping) return;
    setKind(mapping.kind);
    setColumns(mapping.columns);
    setFixed(mapping.fixed);
    setSource(mapping.source);
  };
  const setColumn = (field: ImportField, choice: string | null) => {
    const value = choice?.startsWith(FIXED) ? choice.slice(FIXED.length) : null;
    const header = choice && !value ? choice : null;
    setColumns((current) => {
      const next = { ...current };
      if (header) next[field] = header;
      else delete next[field];
      return next;
    });
    if (fixable(field))
      setFixed((current) => {
        const next = { ...current };
        if (value) next[field] = value;
        else delete next[field];
        return next;
      });
  };
  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const same = saved && saved.source === source.trim() && saved.kind === kind ? saved : null;
      const result = await api<Mapping>('PUT', '/api/imports/mappings', {
        kind,
        source: source.trim(),
        columns,
        fixed,
        version: same?.version ?? null,
      });
      await queryClient.invalidateQueries({ queryKey: mappingsQuery.queryKey });
      setSavedId(result.id);
      notifications.show({
        color: 'teal',
        message: `取り込み元「${result.source}」の列の対応を保存しました。`,
      });
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };
  const mappingOptions = [...data.mappings]
    .sort((a, b) => Number(fitting.includes(b.id)) - Number(fitting.includes(a.id)))
    .map((m) => ({
      value: m.id,
      label: `${m.source}（${KIND_LABELS[m.kind].replace(/（.*）$/, '')}）${fitting.includes(m.id) ? '・このファイルに合う' : ''}`,
    }));
  const headerOptions = [
    { value: UNUSED, label: '（使わない）' },
    ...upload.headers.map((h) => ({ value: h, label: h })),
  ];
  const optionsOf = (field: ImportField) =>
    fixable(field)
      ? [
          { group: 'ファイルの列', items: headerOptions },
          {
            group: 'すべての行で同じ値',
            items: FIXED_CHOICES[field].map((word) => ({
              value: `${FIXED}${word}`,
              label: `すべての行：${word}`,
            })),
          },
        ]
      : headerOptions;
  const choiceOf = (field: ImportField) => {
    const value = fixable(field) ? fixed[field] : undefined;
    return columns[field] ?? (value ? `${FIXED}${value}` : UNUSED);
  };
  const sampleOf = (header: string | undefined) =>
    header === undefined ? '' : (upload.samples[upload.headers.indexOf(header)] ?? '');

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="取り込む内容"
          data={IMPORT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          value={kind}
          onChange={(value) => value && setKind(value as ImportKind)}
          allowDeselect={false}
          w={380}
        />
        <Select
          label="保存した取り込み元の対応を使う"
          placeholder={data.mappings.length ? '選ぶ' : '保存した取り込み元はまだありません'}
          description={saved ? 'この取り込み元の対応を使っています（変えたら保存し直せます）' : undefined}
          data={mappingOptions}
          value={savedId}
          onChange={applySaved}
          disabled={data.mappings.length === 0}
          clearable
          w={420}
        />
      </Group>
      <Table withTableBorder striped>
        <Table.Caption>
          {upload.rowCount.toLocaleString('ja-JP')}
          行。「1行目の値」は、その列の最初の値です（日付は和暦で表示）。相談経路・相談者・対応の結果・情報共有の同意は、ファイルに列がなければ「すべての行：…」で一つの値を選べます。
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={240}>
              項目
            </Table.Th>
            <Table.Th scope="col" w={300}>
              ファイルの列
            </Table.Th>
            <Table.Th scope="col">1行目の値</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {GROUPS.map((group) => (
          <Table.Tbody key={group}>
            <Table.Tr>
              <Table.Th scope="rowgroup" colSpan={3} bg="gray.1">
                {GROUP_LABELS[group]}
              </Table.Th>
            </Table.Tr>
            {IMPORT_FIELDS.filter((f) => FIELD_DEFINITIONS[f].group === group).map((field) => {
              const definition = FIELD_DEFINITIONS[field];
              const required = REQUIRED_FIELDS[kind].includes(field);
              return (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm" fw={500}>
                      {definition.label}
                      {required && '（必須）'}
                    </Text>
                    {definition.hint && (
                      <Text size="xs" c="gray.8">
                        {definition.hint}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Select
                      aria-label={`${definition.label}にあたる列`}
                      data={optionsOf(field)}
                      value={choiceOf(field)}
                      onChange={(value) => setColumn(field, value && value !== UNUSED ? value : null)}
                      allowDeselect={false}
                      searchable
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {columns[field]
                        ? sampleText(field, sampleOf(columns[field]))
                        : fixable(field) && fixed[field]
                          ? `すべての行で「${fixed[field]}」`
                          : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        ))}
      </Table>
      {unused.length > 0 && <Text size="sm">使わない列（取り込みません）：{unused.join('、')}</Text>}
      {problems.length > 0 && (
        <Alert color="yellow" title="列の対応を直してください" role="status">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          次回のために保存する
        </Title>
        <Group align="flex-end">
          <TextInput
            label="取り込み元の名前"
            description="例：kintone 相談台帳。次に同じ形のファイルを読み込むと、この対応が使えます。"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            w={420}
          />
          <Button
            variant="outline"
            loading={saving}
            disabled={!source.trim() || problems.length > 0}
            onClick={() => void save()}
          >
            列の対応を保存
          </Button>
        </Group>
        <ErrorAlert error={saveError} title="保存できませんでした" />
      </Paper>
      <Group justify="flex-end">
        <Button
          size="md"
          disabled={problems.length > 0}
          onClick={() => onCheck({ kind, columns, fixed, savedId, source })}
        >
          確認する（取り込まない）
        </Button>
      </Group>
    </Stack>
  );
}
