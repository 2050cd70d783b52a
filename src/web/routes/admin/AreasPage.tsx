import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Area } from '../../../modules/areas/areas.schemas';
import { AREA_LEVEL_LABELS } from '../../../shared/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { api } from '../../lib/api';
import { areasQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';

type Editing = { mode: 'create'; parent: Area | null } | { mode: 'rename'; area: Area };

const CHILD_LABEL: Record<Area['level'], string | null> = {
  city: '日常生活圏域',
  zone: '地区',
  district: null,
};

export function AreasPage() {
  const { data: areas } = useSuspenseQuery(areasQuery);
  const [editing, setEditing] = useState<Editing | null>(null);

  const renderLevel = (parentId: string | null, depth: number) =>
    areas
      .filter((a) => a.parentId === parentId)
      .map((area) => {
        const child = CHILD_LABEL[area.level];
        return (
          <div key={area.id} style={{ marginLeft: depth * 24 }}>
            <Group gap="xs" py={4}>
              <Text fw={depth === 0 ? 700 : 500}>{area.name}</Text>
              <Text size="sm" c="gray.7">
                {AREA_LEVEL_LABELS[area.level]}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setEditing({ mode: 'rename', area })}
                aria-label={`${area.name}の名称を変更`}
              >
                名称変更
              </Button>
              {child && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setEditing({ mode: 'create', parent: area })}
                  aria-label={`${area.name}に${child}を追加`}
                >
                  {child}を追加
                </Button>
              )}
            </Group>
            {renderLevel(area.id, depth + 1)}
          </div>
        );
      });

  return (
    <Stack>
      <Title order={1} size="h2">
        地区
      </Title>
      <Text c="gray.8">
        市 ＞ 日常生活圏域 ＞ 地区 の3階層です。機関の担当地区や、地区別の集計に使います。
      </Text>
      {areas.length === 0 ? (
        <EmptyState
          title="地区がまだ登録されていません"
          action={<Button onClick={() => setEditing({ mode: 'create', parent: null })}>市を登録</Button>}
        >
          まず市を登録し、その下に日常生活圏域、さらに地区を追加してください。
        </EmptyState>
      ) : (
        <Paper withBorder p="md">
          {renderLevel(null, 0)}
        </Paper>
      )}
      {editing && <AreaForm editing={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function AreaForm({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [name, setName] = useState(editing.mode === 'rename' ? editing.area.name : '');
  const save = useApiMutation(
    (value: string) =>
      editing.mode === 'rename'
        ? api('PATCH', `/api/areas/${editing.area.id}`, { name: value })
        : api('POST', '/api/areas', { name: value, parentId: editing.parent?.id ?? null }),
    { invalidate: [areasQuery.queryKey], success: '地区を保存しました。', onDone: onClose },
  );
  const title =
    editing.mode === 'rename'
      ? `「${editing.area.name}」の名称変更`
      : editing.parent
        ? `${editing.parent.name}に${CHILD_LABEL[editing.parent.level]}を追加`
        : '市の登録';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(name);
  };
  return (
    <Modal opened onClose={onClose} title={title}>
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
          <FormButtons onCancel={onClose} busy={save.isPending} label="保存" />
        </Stack>
      </form>
    </Modal>
  );
}
