import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FUNCTION_LABELS, FUNCTIONS } from '../../../shared/program-vocabulary';
import { CountInput } from '../../components/CountInput';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { type CustomIndicator, customIndicatorsQuery, monthLabel } from './program-queries';

/** Indicators with no record in the product (親の会の参加者 …): defined once, typed month by month. */
export function CustomIndicatorsPanel({ fiscalYear, canManage }: { fiscalYear: number; canManage: boolean }) {
  const { data } = useQuery(customIndicatorsQuery(fiscalYear));
  const [adding, setAdding] = useState(false);
  const [typing, setTyping] = useState<CustomIndicator | null>(null);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          自治体が入力する指標の登録と月ごとの入力
        </Title>
        {canManage && (
          <Button variant="outline" onClick={() => setAdding(true)}>
            入力する指標を追加
          </Button>
        )}
      </Group>
      {data && data.length === 0 && (
        <Text size="sm" c="gray.8">
          記録から数えられない指標（例：ひきこもりの親の会の参加者数）は、ここで追加して月ごとの数を入力できます。
        </Text>
      )}
      {data && data.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>指標</Table.Th>
              <Table.Th>入力済みの月</Table.Th>
              <Table.Th aria-label="操作" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fw={700}>
                    {c.name}（{c.unit}）
                  </Text>
                  <Text size="sm" c="gray.8">
                    {c.definition}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.values.length ? c.values.map((v) => monthLabel(v.month)).join('・') : 'なし'}
                </Table.Td>
                <Table.Td ta="right">
                  {canManage && (
                    <Button size="compact-sm" variant="outline" onClick={() => setTyping(c)}>
                      月ごとの数を入力
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <AddIndicator onClose={() => setAdding(false)} />}
      {typing && <MonthValues indicator={typing} fiscalYear={fiscalYear} onClose={() => setTyping(null)} />}
    </Stack>
  );
}

function AddIndicator({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState({
    name: '',
    unit: '人',
    definition: '',
    functionCode: null as string | null,
  });
  const save = useApiMutation(() => api('POST', '/api/program/indicators', draft), {
    invalidate: [['program']],
    success: '指標を追加しました。「成果目標と実績」の一覧に加わります。',
    onDone: onClose,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title="入力する指標を追加" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} title="指標を追加できませんでした" />
          <TextInput
            label="指標名"
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={fieldError(save.error, 'name')}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="単位"
              required
              value={draft.unit}
              onChange={(e) => setDraft({ ...draft, unit: e.currentTarget.value })}
              error={fieldError(save.error, 'unit')}
            />
            <Select
              label="事業の区分"
              clearable
              data={FUNCTIONS.map((f) => ({ value: f, label: FUNCTION_LABELS[f] }))}
              value={draft.functionCode}
              onChange={(v) => setDraft({ ...draft, functionCode: v })}
            />
          </SimpleGrid>
          <TextInput
            label="何をどう数えるか"
            description="一覧で数字の横に表示されます。"
            required
            value={draft.definition}
            onChange={(e) => setDraft({ ...draft, definition: e.currentTarget.value })}
            error={fieldError(save.error, 'definition')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="追加" />
        </Stack>
      </form>
    </Modal>
  );
}

function MonthValues({
  indicator,
  fiscalYear,
  onClose,
}: {
  indicator: CustomIndicator;
  fiscalYear: number;
  onClose: () => void;
}) {
  const initial = Object.fromEntries(indicator.values.map((v) => [v.month, v.value as number | string]));
  const [values, setValues] = useState<Record<number, number | string>>(initial);
  const save = useApiMutation(
    () =>
      api('PUT', `/api/program/indicators/${indicator.id}/values`, {
        fiscalYear,
        version: indicator.version,
        values: Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
          const v = values[month];
          return { month, value: v === undefined || v === '' ? null : Number(v) };
        }),
      }),
    { invalidate: [['program']], success: `「${indicator.name}」の数を保存しました。`, onDone: onClose },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={`${indicator.name}（${indicator.unit}）`} size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} title="数を保存できませんでした" />
          <SimpleGrid cols={6}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
              <CountInput
                key={month}
                label={monthLabel(month)}
                allowDecimal
                value={values[month] ?? ''}
                onChange={(v) => setValues({ ...values, [month]: v })}
              />
            ))}
          </SimpleGrid>
          <Text size="sm" c="gray.8">
            空欄の月は「未入力」になります。
          </Text>
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
