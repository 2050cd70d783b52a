import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { PersonSearchResult as Person } from '../../../modules/people/people.schemas';
import { formatWareki } from '../../../shared/dates';
import { confirmAction } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { api, apiGet } from '../../lib/api';
import { organisationsQuery } from '../../lib/directory';
import { personName } from '../../lib/labels';
import { useApiMutation } from '../../lib/mutation';

const nameKey = (p: Person) =>
  [p.familyNameKana, p.givenNameKana].filter(Boolean).join('').normalize('NFKC') || personName(p);
const sameName = (a: Person, b: Person) => nameKey(a) === nameKey(b);

function MergeBar({
  selected,
  people,
  onDone,
}: {
  selected: string[];
  people: Person[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [lastMerge, setLastMerge] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [keepSecond, setKeepSecond] = useState(false);
  const chosen = selected.map((id) => people.find((p) => p.id === id));
  const [kept, merged] = keepSecond ? [chosen[1], chosen[0]] : chosen;
  const { data: organisations } = useQuery(organisationsQuery);
  const describe = (person: Person) =>
    [
      `${personName(person)}（${[person.familyNameKana, person.givenNameKana].filter(Boolean).join(' ') || 'フリガナなし'}）`,
      person.birthDate ? `${formatWareki(`${person.birthDate}T00:00:00+09:00`)}生` : '生年月日不明',
      `登録：${organisations?.find((o) => o.id === person.registeredByOrganisationId)?.name ?? '不明'}` +
        `（${formatWareki(`${person.registeredOn}T00:00:00+09:00`)}）`,
      person.households.length ? `世帯：${person.households.map((h) => h.name).join('、')}` : '世帯なし',
    ].join('　');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['people-search'] });
  const merge = () =>
    kept &&
    merged &&
    confirmAction({
      title: '同一人物として統合しますか',
      message:
        '下の2件を同じ方の記録として統合します。両方の記録と経過はそのまま残り、まとめる記録にある相談・同意・つなぎの経過は、残す記録のものとしても扱われます（同意は会議の同意の確認や連絡先の表示に使われます）。このページの「直前の統合を取り消す」で取り消せます。',
      details: [
        `残す記録：${describe(kept)}`,
        `残す記録にまとめる記録：${describe(merged)}`,
        ...(sameName(kept, merged)
          ? []
          : [
              '【確認】氏名・フリガナが一致していません。親子やきょうだいなど、別の方の記録ではないか確かめてください。',
            ]),
      ],
      danger: true,
      confirmLabel: '統合する',
      onConfirm: async () => {
        setError(null);
        try {
          const result = await api<{ id: string }>('POST', `/api/people/${kept.id}/merge`, {
            mergedPersonId: merged.id,
          });
          setLastMerge(result.id);
          notifications.show({
            color: 'teal',
            message: `${personName(merged)}さんの記録を、${personName(kept)}さんの記録に統合しました。取り消すときは「直前の統合を取り消す」を押してください。`,
          });
          onDone();
          await refresh();
        } catch (e) {
          setError(e);
        }
      },
    });
  const undo = async () => {
    if (!lastMerge) return;
    try {
      await api('POST', `/api/people/merges/${lastMerge}/undo`);
      setLastMerge(null);
      notifications.show({ color: 'teal', message: '統合を取り消しました。2件の記録は別々に戻りました。' });
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} title="統合できませんでした" />
      {chosen[0] && chosen[1] && (
        <Radio.Group
          label="どちらの記録を残しますか"
          description="残す記録に、もう一方の相談・同意・つなぎの経過がまとまります。"
          value={keepSecond ? 'second' : 'first'}
          onChange={(value) => setKeepSecond(value === 'second')}
        >
          <Stack gap={4} mt={4}>
            {chosen.map((person, i) =>
              person ? (
                <Radio key={person.id} value={i === 0 ? 'first' : 'second'} label={describe(person)} />
              ) : null,
            )}
          </Stack>
        </Radio.Group>
      )}
      <Group>
        <Button variant="default" disabled={selected.length !== 2} onClick={merge}>
          選んだ2件を同一人物として統合
        </Button>
        {lastMerge && (
          <Button variant="subtle" color="red" onClick={undo}>
            直前の統合を取り消す
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** A record others were merged into: the latest merge can be undone later, not only on the spot. */
function UndoMergeButton({ person }: { person: Person }) {
  const undo = useApiMutation((mergeId: string) => api('POST', `/api/people/merges/${mergeId}/undo`), {
    invalidate: [['people-search']],
    success: '統合を取り消しました。2件の記録は別々に戻りました。',
  });
  const latest = person.mergeIds.at(-1);
  return (
    <Group gap={6} mt={4}>
      <Badge size="sm" variant="light">
        統合した記録あり
      </Badge>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        aria-label={`${personName(person)}さんの記録への統合を取り消す`}
        onClick={() =>
          latest &&
          confirmAction({
            title: '統合を取り消しますか',
            message: `${personName(person)}さんの記録に最後に統合した記録を、別の記録に戻します。統合していた間の相談・同意・つなぎの経過は、それぞれ元の記録のものに戻ります。`,
            confirmLabel: '統合を取り消す',
            danger: true,
            onConfirm: () => undo.mutate(latest),
          })
        }
      >
        統合を取り消す
      </Button>
      {undo.error ? <ErrorAlert error={undo.error} title="取り消せませんでした" /> : null}
    </Group>
  );
}

export function PeopleSearchPage() {
  const [q, setQ] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [phone, setPhone] = useState('');
  const [params, setParams] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...current, id].slice(-2) : current.filter((x) => x !== id)));
  const query = useQuery({
    queryKey: ['people-search', params],
    queryFn: () => apiGet<{ people: Person[] }>(`/api/people?${params}`),
    enabled: params !== null,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (birthDate) search.set('birthDate', birthDate);
    if (phone) search.set('phone', phone);
    setParams(search.toString());
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        世帯・本人
      </Title>
      <Text c="gray.8">
        氏名（漢字・フリガナ、一部でも）、生年月日、電話番号で探します。斉藤・齋藤・斎藤のような異体字や、ひらがな・カタカナの違いは区別しません。1文字で探すと、その文字で始まる氏名だけが出ます。
      </Text>
      <form onSubmit={submit} aria-label="本人の検索">
        <Group align="flex-end">
          <TextInput label="氏名・フリガナ" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <TextInput
            type="date"
            label="生年月日"
            value={birthDate}
            onChange={(e) => setBirthDate(e.currentTarget.value)}
          />
          <TextInput label="電話番号" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
          <Button type="submit">検索</Button>
        </Group>
      </form>
      <ErrorAlert error={query.error} title="検索できませんでした" />
      {params === null && (
        <EmptyState title="検索条件を入力してください">
          閲覧できるのは、自機関が関わった方と、つながれてきた方だけです。
        </EmptyState>
      )}
      {query.data && query.data.people.length === 0 && (
        <EmptyState title="該当する方は見つかりませんでした">
          表記を変えて探すか、新しい相談として受け付けてください。
        </EmptyState>
      )}
      {query.data && query.data.people.length > 0 && (
        <Group justify="space-between" align="flex-end">
          <MergeBar selected={selected} people={query.data.people} onDone={() => setSelected([])} />
          <ExportButton list="people" filters={Object.fromEntries(new URLSearchParams(params ?? ''))} />
        </Group>
      )}
      {query.data && query.data.people.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <span className="visually-hidden">統合対象</span>
              </Table.Th>
              <Table.Th>氏名</Table.Th>
              <Table.Th>フリガナ</Table.Th>
              <Table.Th>生年月日</Table.Th>
              <Table.Th>世帯</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.people.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`${personName(p)}を統合対象に選ぶ`}
                    checked={selected.includes(p.id)}
                    onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  {personName(p)}
                  {p.mergeIds.length > 0 && <UndoMergeButton person={p} />}
                </Table.Td>
                <Table.Td>{[p.familyNameKana, p.givenNameKana].filter(Boolean).join(' ')}</Table.Td>
                <Table.Td>{p.birthDate ? formatWareki(`${p.birthDate}T00:00:00+09:00`) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {p.households.map((h) => (
                      <Anchor key={h.id} component={Link} to={`/households/${h.id}`}>
                        {h.name}
                      </Anchor>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
