import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../../modules/people/people.schemas';
import { formatWareki } from '../../../shared/dates';
import { api } from '../../lib/api';
import { personName } from '../../lib/labels';

type Query = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string | null;
  phones: string[];
};
export type Candidate = { person: Person; reasons: string[]; households: { id: string; name: string }[] };
type Result = { candidates: Candidate[]; elsewhere: number };

const REASON_LABELS: Record<string, string> = {
  kana_and_birth_date: 'フリガナと生年月日が一致',
  name_and_birth_date: '氏名と生年月日が一致',
  phone: '電話番号が一致',
};

/**
 * 名寄せ before saving: shows likely duplicates as the worker types, each with a button to take
 * the consultation for that person (and their household) instead of registering them again.
 */
export function DuplicateWarning({
  query,
  onPick,
  pickLabel = (candidate) => `${personName(candidate.person)}さんの相談として受け付ける`,
  exclude = [],
}: {
  query: Query;
  /** People not to offer (already on the form's household). */
  exclude?: string[];
  onPick?: (candidate: Candidate) => void;
  pickLabel?: (candidate: Candidate) => string;
}) {
  const [debounced] = useDebouncedValue(query, 500);
  const ready =
    (debounced.birthDate && (debounced.familyName || debounced.familyNameKana)) ||
    debounced.phones.some((p) => p.length >= 6);
  const result = useQuery({
    queryKey: ['duplicates', debounced],
    queryFn: () => api<Result>('POST', '/api/people/duplicates', debounced),
    enabled: Boolean(ready),
  });
  const data = result.data && {
    ...result.data,
    candidates: result.data.candidates.filter((c) => !exclude.includes(c.person.id)),
  };
  if (!data || (data.candidates.length === 0 && data.elsewhere === 0)) return null;
  return (
    <Alert color="yellow" title="同じ方が登録されているかもしれません" mt="md" role="status">
      {data.candidates.length > 0 && (
        <List size="sm">
          {data.candidates.map((candidate) => {
            const { person, reasons, households } = candidate;
            return (
              <List.Item key={person.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">
                    {personName(person)}（
                    {person.birthDate ? formatWareki(`${person.birthDate}T00:00:00+09:00`) : '生年月日不明'}
                    {households.length > 0 && `・${households.map((h) => h.name).join('、')}`}）：
                    {reasons.map((r) => REASON_LABELS[r]).join('、')}
                  </Text>
                  {onPick && (
                    <Button size="compact-sm" onClick={() => onPick(candidate)}>
                      {pickLabel(candidate)}
                    </Button>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      {data.elsewhere > 0 && (
        <Text size="sm" mt="xs">
          ほかの機関にも、同じ方の可能性がある記録が {data.elsewhere} 件あります（内容は表示されません）。
          必要なときはコーディネーターに確認してください。
        </Text>
      )}
    </Alert>
  );
}
