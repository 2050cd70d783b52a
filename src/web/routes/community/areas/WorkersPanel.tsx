import { Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AreaPage } from '../../../../modules/community/areas-community.schemas';
import {
  AREA_WORKER_ROLE_LABELS,
  AREA_WORKER_ROLES,
  type AreaWorkerRole,
} from '../../../../shared/community-vocabulary';
import { confirmAction } from '../../../components/confirm';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { useAreaChange } from './area-queries';

/** Who works the area: CSW, 生活支援コーディネーター, 地区担当 and the like. */
export function WorkersPanel({ page }: { page: AreaPage }) {
  const [adding, setAdding] = useState(false);
  const remove = useAreaChange('担当から外しました。');
  const { workers, canWrite, area } = page;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="workers-title" h="100%">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="workers-title">
            この{area.level === 'zone' ? '圏域' : '地区'}を受け持つ人
          </Title>
          {canWrite && (
            <Button variant="default" onClick={() => setAdding(true)}>
              担当者を加える
            </Button>
          )}
        </Group>
        <ErrorAlert error={remove.error} title="外せませんでした" />
        {workers.length === 0 ? (
          <Text size="sm" c="gray.8">
            担当者は登録されていません。
            {canWrite
              ? '「担当者を加える」から、CSW・生活支援コーディネーター・地区担当ワーカーなどを登録してください。'
              : ''}
          </Text>
        ) : (
          <Stack gap={0}>
            {workers.map((w, i) => (
              <Group
                key={w.id}
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                py="xs"
                style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
              >
                <div>
                  <Text fw={700}>
                    {w.name}
                    {w.affiliation && (
                      <Text span size="sm" c="gray.8" fw={400} ml="xs">
                        {w.affiliation}
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">{AREA_WORKER_ROLE_LABELS[w.role]}</Text>
                  {w.note && (
                    <Text size="sm" c="gray.8">
                      {w.note}
                    </Text>
                  )}
                </div>
                {canWrite && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    aria-label={`${w.name}さんを担当から外す`}
                    onClick={() =>
                      confirmAction({
                        title: `${w.name}さんを担当から外しますか`,
                        message: `${area.name}の${AREA_WORKER_ROLE_LABELS[w.role]}から外します。これまでの働きかけの記録は残ります。`,
                        confirmLabel: '外す',
                        danger: true,
                        onConfirm: () =>
                          remove.mutate({ method: 'DELETE', path: `/areas/${area.id}/workers/${w.id}` }),
                      })
                    }
                  >
                    外す
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      {adding && <WorkerDialog page={page} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

function WorkerDialog({ page, onClose }: { page: AreaPage; onClose: () => void }) {
  const [role, setRole] = useState<AreaWorkerRole | null>(null);
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [note, setNote] = useState('');
  const save = useAreaChange('担当者を加えました。', onClose);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      method: 'POST',
      path: `/areas/${page.area.id}/workers`,
      body: { role, userId: null, name: name || null, affiliation: affiliation || null, note: note || null },
    });
  };
  return (
    <Modal opened onClose={onClose} title={`${page.area.name}の担当者を加える`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label="役割"
            required
            data-autofocus
            data={AREA_WORKER_ROLES.map((r) => ({ value: r, label: AREA_WORKER_ROLE_LABELS[r] }))}
            value={role}
            onChange={(v) => setRole(v as AreaWorkerRole | null)}
            error={fieldError(save.error, 'role')}
          />
          <TextInput
            label="氏名"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <TextInput
            label="所属"
            description="例: 社会福祉協議会、地域包括支援センター"
            value={affiliation}
            onChange={(e) => setAffiliation(e.currentTarget.value)}
            error={fieldError(save.error, 'affiliation')}
          />
          <TextInput
            label="備考"
            description="例: 東部地区福祉委員会"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(save.error, 'note')}
          />
          <FormButtons onCancel={onClose} busy={save.isPending} label="加える" />
        </Stack>
      </form>
    </Modal>
  );
}
