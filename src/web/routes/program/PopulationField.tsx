import { Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CountInput } from '../../components/CountInput';
import { fieldError } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { yearSettingsQuery } from './program-queries';

/** 年度の人口 (for the rate per 100,000): typed by the program manager, shown to readers. */
export function PopulationField({ fiscalYear, canManage }: { fiscalYear: number; canManage: boolean }) {
  const { data } = useQuery(yearSettingsQuery(fiscalYear));
  const [value, setValue] = useState<number | string>('');
  useEffect(() => setValue(data?.population ?? ''), [data]);
  const save = useApiMutation(
    () =>
      api('PUT', `/api/program/years/${fiscalYear}`, {
        population: value === '' ? null : Number(value),
        ...(data?.version ? { version: data.version } : {}),
      }),
    { invalidate: [['program']], success: '年度の人口を保存しました。' },
  );
  if (!canManage)
    return (
      <Text size="sm">
        年度の人口：{data?.population ? `${data.population.toLocaleString('ja-JP')}人` : '未入力'}
      </Text>
    );
  return (
    <Group align="flex-end" gap="xs">
      <CountInput
        label="年度の人口（4月1日）"
        w={180}
        value={value}
        onChange={setValue}
        thousandSeparator
        rightSection={<Text size="sm">人</Text>}
        error={fieldError(save.error, 'population') ?? (save.error ? save.error.message : undefined)}
      />
      <Button variant="default" loading={save.isPending} onClick={() => save.mutate(undefined)}>
        人口を保存
      </Button>
    </Group>
  );
}
