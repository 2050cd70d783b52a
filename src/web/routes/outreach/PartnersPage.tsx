import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Partner } from '../../../modules/outreach/outreach.schemas';
import { PARTNER_KIND_LABELS, PARTNER_KINDS, type PartnerKind } from '../../../shared/outreach-vocabulary';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/mutation';
import { OUTREACH, partnersQuery } from './outreach-queries';

/** 見守り協定先: who agreed to tell the municipality what they notice on their rounds. */
export function PartnersPage() {
  const { data } = useSuspenseQuery(partnersQuery);
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to={OUTREACH}>
          アウトリーチ
        </Anchor>{' '}
        ／ 見守り協定先
      </Text>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            見守り協定先
          </Title>
          <Text c="gray.8">
            日々の仕事の中で異変に気づいたら知らせてもらう、協定を結んだ事業者・団体です。
          </Text>
        </div>
        <Group>
          {data.partners.length > 0 && <ExportButton list="watch-partners" />}
          {data.canManage && <Button onClick={() => setEditing('new')}>協定先を登録</Button>}
        </Group>
      </Group>
      {data.partners.length === 0 ? (
        <EmptyState title="見守り協定先はまだ登録されていません">
          郵便局、水道の検針、生協の宅配、新聞販売店など、協定を結んだ先を「協定先を登録」で加えると、報告を受けるときに選べます。
        </EmptyState>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>名称</Table.Th>
              <Table.Th>種類</Table.Th>
              <Table.Th>協定日</Table.Th>
              <Table.Th>担当者</Table.Th>
              <Table.Th>知らせてもらうこと・知らせ方</Table.Th>
              <Table.Th className="nowrap">報告</Table.Th>
              {data.canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.partners.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={700}>
                  {p.name}
                  {!p.isActive && (
                    <Badge ml="xs" color="gray" variant="outline">
                      停止中
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="nowrap">{PARTNER_KIND_LABELS[p.kind]}</Table.Td>
                <Table.Td className="nowrap">{p.agreedOn ? <DateText value={p.agreedOn} /> : '—'}</Table.Td>
                <Table.Td>{p.contactPerson ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.reportsWhat ?? '—'}</Text>
                  {p.reportsHow && (
                    <Text size="sm" c="gray.7">
                      {p.reportsHow}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="nowrap">{p.reportCount}件</Table.Td>
                {data.canManage && (
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setEditing(p)}>
                      編集
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <PartnerDialog partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function PartnerDialog({ partner, onClose }: { partner: Partner | null; onClose: () => void }) {
  const [name, setName] = useState(partner?.name ?? '');
  const [kind, setKind] = useState<PartnerKind | null>(partner?.kind ?? null);
  const [agreedOn, setAgreedOn] = useState(partner?.agreedOn ?? '');
  const [contactPerson, setContactPerson] = useState(partner?.contactPerson ?? '');
  const [reportsWhat, setReportsWhat] = useState(partner?.reportsWhat ?? '');
  const [reportsHow, setReportsHow] = useState(partner?.reportsHow ?? '');
  const [isActive, setIsActive] = useState(partner?.isActive ?? true);
  const save = useApiMutation(
    (body: unknown) =>
      api(partner ? 'PUT' : 'POST', `/api/outreach/partners${partner ? `/${partner.id}` : ''}`, body),
    { invalidate: [partnersQuery.queryKey], success: '見守り協定先を保存しました。', onDone: onClose },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name, kind, agreedOn: agreedOn || null, contactPerson, reportsWhat, reportsHow, isActive });
  };
  return (
    <Modal opened onClose={onClose} title={partner ? '見守り協定先の編集' : '見守り協定先を登録'} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="名称"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <SimpleGrid cols={2}>
            <Select
              label="種類"
              required
              data={PARTNER_KINDS.map((k) => ({ value: k, label: PARTNER_KIND_LABELS[k] }))}
              value={kind}
              onChange={(v) => setKind(v as PartnerKind | null)}
              error={fieldError(save.error, 'kind')}
            />
            <TextInput
              type="date"
              label="協定日"
              value={agreedOn}
              onChange={(e) => setAgreedOn(e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label="担当者"
            value={contactPerson}
            onChange={(e) => setContactPerson(e.currentTarget.value)}
          />
          <Textarea
            label="知らせてもらうこと"
            autosize
            minRows={2}
            value={reportsWhat}
            onChange={(e) => setReportsWhat(e.currentTarget.value)}
          />
          <TextInput
            label="知らせ方"
            placeholder="例：電話（地域福祉課へ）、FAX"
            value={reportsHow}
            onChange={(e) => setReportsHow(e.currentTarget.value)}
          />
          {partner && (
            <Checkbox
              label="協定が続いている"
              checked={isActive}
              onChange={(e) => setIsActive(e.currentTarget.checked)}
            />
          )}
          <FormButtons onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
