import { Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Network } from '../../../../modules/community/networks.schemas';
import { OPERATOR_KIND_LABELS, OPERATOR_KINDS } from '../../../../shared/participation-vocabulary';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { operatorsQuery } from '../../participation/participation-queries';
import { NETWORK_KEYS } from './network-queries';

const NEW_OPERATOR = '__new__';
type Member = Network['members'][number];

/** A member: an operator of the resource directory (or a new one), its 部会 and the day it joined. */
export function MemberDialog({
  network,
  member,
  onClose,
}: {
  network: Network;
  member: Member | null;
  onClose: () => void;
}) {
  const operators = useQuery(operatorsQuery);
  const [operatorId, setOperatorId] = useState<string | null>(member?.operatorId ?? null);
  const [newOperator, setNewOperator] = useState({ name: '', kind: 'npo' });
  const [subgroupIds, setSubgroupIds] = useState<string[]>(member?.subgroupIds ?? []);
  const [joinedOn, setJoinedOn] = useState(member?.joinedOn ?? '');
  const taken = new Set(network.members.map((m) => m.operatorId));
  const save = useApiMutation(
    async () => {
      const base = `/api/community/networks/${network.id}/members`;
      const body = { subgroupIds, joinedOn: joinedOn || null };
      if (member) return api<Network>('PUT', `${base}/${member.id}`, body);
      let id = operatorId;
      if (id === NEW_OPERATOR)
        id = (await api<{ savedId: string }>('POST', '/api/resources/operators', newOperator)).savedId;
      return api<Network>('POST', base, { ...body, operatorId: id });
    },
    {
      invalidate: [...NETWORK_KEYS, ['resource-operators']],
      success: member ? '会員の部会・参加した日を保存しました。' : '会員を加えました。',
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  const choices = (operators.data?.operators ?? [])
    .filter((o) => !taken.has(o.id) || o.id === member?.operatorId)
    .map((o) => ({ value: o.id, label: `${o.name}（${OPERATOR_KIND_LABELS[o.kind]}）` }));
  if (operators.data?.canManage) choices.push({ value: NEW_OPERATOR, label: '＋ 新しい団体を登録する' });
  return (
    <Modal
      opened
      onClose={onClose}
      title={member ? `「${member.operatorName}」の部会・参加した日` : '会員を加える'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error ?? operators.error} />
          {!member && (
            <Select
              label="団体（社会資源の運営団体から選ぶ）"
              required
              searchable
              data-autofocus
              nothingFoundMessage="見つかりません。新しい団体として登録してください。"
              data={choices}
              value={operatorId}
              onChange={setOperatorId}
              error={fieldError(save.error, 'operatorId')}
            />
          )}
          {operatorId === NEW_OPERATOR && (
            <SimpleGrid cols={2}>
              <TextInput
                label="新しい団体の名称"
                required
                value={newOperator.name}
                onChange={(e) => setNewOperator({ ...newOperator, name: e.currentTarget.value })}
                error={fieldError(save.error, 'name')}
              />
              <Select
                label="団体の種別"
                allowDeselect={false}
                data={OPERATOR_KINDS.map((k) => ({ value: k, label: OPERATOR_KIND_LABELS[k] }))}
                value={newOperator.kind}
                onChange={(v) => setNewOperator({ ...newOperator, kind: v ?? 'npo' })}
              />
            </SimpleGrid>
          )}
          <Group grow align="flex-start">
            <MultiSelect
              label="部会（複数可）"
              data={network.subgroups.map((s) => ({ value: s.id, label: s.name }))}
              value={subgroupIds}
              onChange={setSubgroupIds}
              disabled={network.subgroups.length === 0}
              placeholder={network.subgroups.length === 0 ? '部会はありません' : undefined}
              error={fieldError(save.error, 'subgroupIds')}
            />
            <TextInput
              label="参加した日"
              type="date"
              value={joinedOn}
              onChange={(e) => setJoinedOn(e.currentTarget.value)}
              error={fieldError(save.error, 'joinedOn')}
            />
          </Group>
          <FormButtons onCancel={onClose} busy={save.isPending} label={member ? '保存' : '加える'} />
        </Stack>
      </form>
    </Modal>
  );
}
