import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Project } from '../../../../modules/community/projects.schemas';
import type { Resource } from '../../../../modules/resources/resources.schemas';
import { confirmAction } from '../../../components/confirm';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { operatorsQuery, resourcePath, resourcesQuery } from '../../participation/participation-queries';
import { ResourceForm } from '../../participation/ResourceForm';
import { COMMUNITY_KEYS } from '../community-queries';

const useProjectChange = <T,>(
  path: (input: T) => string,
  method: 'POST' | 'DELETE',
  body: (input: T) => unknown,
  success: string,
) =>
  useApiMutation((input: T) => api(method, path(input), body(input)), {
    invalidate: COMMUNITY_KEYS,
    success,
  });

/** 構成団体: organisations of the directory, companies and residents' groups included. */
export function ProjectMembers({ project }: { project: Project }) {
  const operators = useQuery({ ...operatorsQuery, enabled: project.canWrite });
  const [operatorId, setOperatorId] = useState<string | null>(null);
  const [role, setRole] = useState('');
  const add = useProjectChange(
    () => `/api/community/projects/${project.id}/members`,
    'POST',
    () => ({ operatorId, role }),
    '構成団体に加えました。',
  );
  const remove = useProjectChange(
    (id: string) => `/api/community/projects/${project.id}/members/${id}`,
    'DELETE',
    () => undefined,
    '構成団体から外しました。',
  );
  const present = new Set(project.members.map((m) => m.operatorId));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          構成団体（{project.members.length}）
        </Title>
        <ErrorAlert error={add.error ?? remove.error} />
        {project.members.length === 0 && <Text size="sm">まだ構成団体はありません。</Text>}
        {project.members.map((m) => (
          <Group key={m.id} justify="space-between">
            <Text>
              {m.name}
              {m.role && (
                <Text span c="gray.8" size="sm">
                  （{m.role}）
                </Text>
              )}
            </Text>
            {project.canWrite && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                c="red.9"
                onClick={() =>
                  confirmAction({
                    title: '構成団体から外す',
                    message: `「${m.name}」をこのプロジェクトの構成団体から外します。`,
                    confirmLabel: '外す',
                    danger: true,
                    onConfirm: () => remove.mutate(m.id),
                  })
                }
              >
                外す
              </Button>
            )}
          </Group>
        ))}
        {project.canWrite && (
          <Group align="flex-end">
            <Select
              label="団体を加える"
              placeholder="運営団体から選ぶ"
              searchable
              clearable
              w={280}
              data={(operators.data?.operators ?? [])
                .filter((o) => !present.has(o.id))
                .map((o) => ({ value: o.id, label: o.name }))}
              value={operatorId}
              onChange={setOperatorId}
            />
            <TextInput
              label="役割"
              placeholder="例：会場の提供"
              w={200}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
            />
            <Button
              variant="light"
              disabled={!operatorId}
              loading={add.isPending}
              onClick={() =>
                add.mutate(undefined, {
                  onSuccess: () => {
                    setOperatorId(null);
                    setRole('');
                  },
                })
              }
            >
              加える
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** 資源創出: the places of the directory this project created. */
export function ProjectResources({ project }: { project: Project }) {
  const resources = useQuery({ ...resourcesQuery({}), enabled: project.canWrite });
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const queryClient = useQueryClient();
  const linkCreated = async (created: Resource) => {
    await api('POST', `/api/community/projects/${project.id}/resources`, { resourceId: created.id });
    await Promise.all(COMMUNITY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
  const link = useProjectChange(
    () => `/api/community/projects/${project.id}/resources`,
    'POST',
    (id: string) => ({ resourceId: id }),
    '生まれた社会資源として結びつけました。',
  );
  const unlink = useProjectChange(
    (id: string) => `/api/community/projects/${project.id}/resources/${id}`,
    'DELETE',
    () => undefined,
    '社会資源との結びつきを外しました。',
  );
  const linked = new Set(project.resources.map((r) => r.id));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          生まれた社会資源（資源創出）
        </Title>
        <ErrorAlert error={link.error ?? unlink.error} />
        {project.resources.length === 0 && (
          <Text size="sm">
            まだありません。このプロジェクトから新しい場ができたら、社会資源に登録して結びつけます。
          </Text>
        )}
        {project.resources.map((r) => (
          <Group key={r.id} justify="space-between">
            <Anchor component={Link} to={resourcePath(r.id)}>
              {r.name}
              {r.areaName && `（${r.areaName}）`}
            </Anchor>
            {project.canWrite && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                c="red.9"
                onClick={() =>
                  confirmAction({
                    title: '結びつきを外す',
                    message: `「${r.name}」をこのプロジェクトから生まれた資源から外します。社会資源の登録は残ります。`,
                    confirmLabel: '外す',
                    danger: true,
                    onConfirm: () => unlink.mutate(r.id),
                  })
                }
              >
                外す
              </Button>
            )}
          </Group>
        ))}
        {project.canWrite && (
          <Group align="flex-end">
            <Select
              label="登録済みの社会資源から選ぶ"
              searchable
              clearable
              w={320}
              data={(resources.data?.resources ?? [])
                .filter((r: Resource) => !linked.has(r.id))
                .map((r: Resource) => ({ value: r.id, label: r.name }))}
              value={resourceId}
              onChange={setResourceId}
            />
            <Button
              variant="light"
              disabled={!resourceId}
              loading={link.isPending}
              onClick={() => resourceId && link.mutate(resourceId, { onSuccess: () => setResourceId(null) })}
            >
              結びつける
            </Button>
            <Button variant="outline" onClick={() => setCreating(true)}>
              新しい社会資源を登録して結びつける
            </Button>
          </Group>
        )}
        {creating && (
          <ResourceForm resource={null} onClose={() => setCreating(false)} onCreated={linkCreated} />
        )}
      </Stack>
    </Paper>
  );
}
