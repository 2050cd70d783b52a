import { Anchor, Badge, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ReferralSummary } from '../../../modules/referrals/referrals.schemas';
import { referralStatusLabel } from '../../../shared/intake-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { apiGet } from '../../lib/api';
import { REFERRAL_STATUS_COLORS } from '../../lib/labels';

export const referralsQuery = (box: 'inbox' | 'sent') =>
  queryOptions({
    queryKey: ['referrals', box],
    queryFn: async () =>
      (await apiGet<{ referrals: ReferralSummary[] }>(`/api/referrals?box=${box}`)).referrals,
  });

function ReferralTable({ box }: { box: 'inbox' | 'sent' }) {
  const query = useQuery(referralsQuery(box));
  if (query.error) return <ErrorAlert error={query.error} title="つなぎを読み込めませんでした" />;
  const rows = query.data ?? [];
  if (query.data && rows.length === 0) {
    return (
      <EmptyState title={box === 'inbox' ? '受け取ったつなぎはありません' : '送ったつなぎはありません'}>
        {box === 'inbox'
          ? 'ほかの機関からつながれた相談が、ここに届きます。'
          : '相談受付で「他機関へつなぐ」「多機関協働へつなぐ」を選ぶと、ここで経過を追えます。'}
      </EmptyState>
    );
  }
  return (
    <Table striped verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>状態</Table.Th>
          <Table.Th miw="11em">{box === 'inbox' ? 'つないだ機関' : 'つなぎ先'}</Table.Th>
          <Table.Th>本人</Table.Th>
          <Table.Th>主訴</Table.Th>
          <Table.Th>依頼日</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td className="nowrap">
              <Badge color={REFERRAL_STATUS_COLORS[r.status]} variant="light">
                {referralStatusLabel(r.status, r.toExternal)}
              </Badge>
              {r.overdue && (
                <Badge color="red" ml={4}>
                  {r.toExternal ? '返事待ち超過' : '受理待ち超過'}
                </Badge>
              )}
              {r.urgent && (
                <Badge color="red" variant="outline" ml={4}>
                  緊急
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{box === 'inbox' ? r.fromOrganisationName : r.toOrganisationName}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/referrals/${r.id}`}>
                {r.personName ?? (r.personId ? '（氏名不明）' : '（世帯へのつなぎ）')}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {r.mainComplaint}
              </Text>
            </Table.Td>
            <Table.Td className="nowrap">{r.sentAt ? <DateText value={r.sentAt} /> : '未送信'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReferralsPage() {
  const [box, setBox] = useState<'inbox' | 'sent'>('inbox');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          つなぎ
        </Title>
        <ExportButton
          list="referrals"
          filters={{ box }}
          label={box === 'inbox' ? '受け取ったつなぎの一覧' : '送ったつなぎの一覧'}
        />
      </Group>
      <Text c="gray.8">
        受け取ったつなぎには、受理か辞退（理由つき）で応えてください。送ったつなぎは、状態の変化がすべて表示されます。
      </Text>
      <Tabs value={box} onChange={(value) => setBox(value === 'sent' ? 'sent' : 'inbox')}>
        <Tabs.List>
          <Tabs.Tab value="inbox">受け取ったつなぎ</Tabs.Tab>
          <Tabs.Tab value="sent">送ったつなぎ</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox" pt="md">
          <ReferralTable box="inbox" />
        </Tabs.Panel>
        <Tabs.Panel value="sent" pt="md">
          <ReferralTable box="sent" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
