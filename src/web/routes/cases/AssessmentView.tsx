import { Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssessmentVersion, Case } from '../../../modules/cases/cases.schemas';
import {
  ASSESSMENT_DOMAIN_LABELS,
  ASSESSMENT_DOMAINS,
  URGENCY_LABELS,
} from '../../../shared/case-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { apiGet } from '../../lib/api';
import { ChangeList, VersionSelect } from './Versions';

export function AssessmentBody({ version }: { version: AssessmentVersion }) {
  const content = version.content;
  const nameOf = (id: string) => content.composition.find((c) => c.personId === id)?.name ?? '';
  const block = (label: string, text: string | null) => (
    <div>
      <Text size="sm" c="gray.8" fw={700}>
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text ?? '—'}</Text>
    </div>
  );
  return (
    <Stack>
      <div>
        <Text size="sm" c="gray.8" fw={700}>
          世帯の構成（記録時点）
        </Text>
        <Text>
          {content.composition.map((c) => `${c.name}（${c.relationship ?? ''}・${c.age}）`).join('、')}
        </Text>
      </div>
      {content.members.map((member) => (
        <div key={member.personId}>
          <Title order={3} size="h5" mb={4}>
            {nameOf(member.personId)}さんの状況
          </Title>
          <Table withTableBorder withColumnBorders>
            <Table.Tbody>
              {ASSESSMENT_DOMAINS.filter((d) => member.situations[d]).map((d) => (
                <Table.Tr key={d}>
                  <Table.Th w={140}>{ASSESSMENT_DOMAIN_LABELS[d]}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{member.situations[d]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {block('本人・世帯の思い', content.wishes)}
        {block('本人・世帯の力', content.strengths)}
        {block('地域の資源', content.resources)}
        {block('リスク', content.risks)}
      </SimpleGrid>
      <Group gap="xs">
        <Text size="sm" c="gray.8" fw={700}>
          緊急度
        </Text>
        <Badge color={content.urgency === 'high' ? 'red' : 'gray'}>{URGENCY_LABELS[content.urgency]}</Badge>
      </Group>
      {block('コーディネーターの見立て', content.view)}
    </Stack>
  );
}

/** The latest assessment, any earlier version on request, and what changed in each. */
export function AssessmentView({ caseData }: { caseData: Case }) {
  const [selected, setSelected] = useState<string | null>(null);
  const versions = useQuery({
    queryKey: ['case-assessments', caseData.id, caseData.assessment?.version],
    queryFn: async () =>
      (await apiGet<{ versions: AssessmentVersion[] }>(`/api/cases/${caseData.id}/assessments`)).versions,
    enabled: selected !== null,
  });
  if (!caseData.assessment) {
    return (
      <EmptyState title="アセスメントはまだありません">
        アセスメントの段階になったら「アセスメントシートを書く」から記録します。
      </EmptyState>
    );
  }
  const shown = versions.data?.find((v) => String(v.version) === selected) ?? caseData.assessment;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">
          第{shown.version}版{'　'}
          <DateText value={shown.createdAt} />　{shown.organisationName}　{shown.userName}
        </Text>
        <VersionSelect latest={caseData.assessment.version} value={selected} onChange={setSelected} />
      </Group>
      <ChangeList version={shown.version} changes={shown.changes} />
      <AssessmentBody version={shown} />
    </Stack>
  );
}
