import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Network } from '../../../../modules/community/networks.schemas';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { NETWORK_KEYS, networkPath } from './network-queries';

/** A new network (with its 部会, one a line), or the name and description of one. */
export function NetworkForm({ network, onClose }: { network: Network | null; onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState(network?.name ?? '');
  const [description, setDescription] = useState(network?.description ?? '');
  const [subgroups, setSubgroups] = useState('');
  const save = useApiMutation(
    () => {
      if (!network)
        return api<Network>('POST', '/api/community/networks', {
          name,
          description: description || null,
          subgroups: subgroups
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        });
      const changes: Record<string, unknown> = { version: network.version };
      if (name !== network.name) changes.name = name;
      if ((description || null) !== network.description) changes.description = description || null;
      return api<Network>('PATCH', `/api/community/networks/${network.id}`, changes);
    },
    {
      invalidate: NETWORK_KEYS,
      success: (n) => `「${n.name}」を保存しました。`,
      onDone: (n) => {
        onClose();
        if (!network) void navigate({ to: networkPath(n.id) });
      },
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={network ? 'ネットワークの名称・説明' : 'ネットワークを登録'}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="名称"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <Textarea
            label="説明"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(save.error, 'description')}
          />
          {!network && (
            <Textarea
              label="部会（1行に1つ。あとから加えることもできます）"
              placeholder={'イベント部会\n居場所部会'}
              autosize
              minRows={3}
              value={subgroups}
              onChange={(e) => setSubgroups(e.currentTarget.value)}
              error={fieldError(save.error, 'subgroups')}
            />
          )}
          <FormButtons onCancel={onClose} busy={save.isPending} label={network ? '保存' : '登録'} />
        </Stack>
      </form>
    </Modal>
  );
}
