import { Badge, Button, Group } from '@mantine/core';
import type { Organisation } from '../../../modules/organisations/organisations.schemas';
import { confirmAction } from '../../components/confirm';
import { api } from '../../lib/api';
import { organisationsQuery } from '../../lib/directory';
import { useApiMutation } from '../../lib/mutation';

/**
 * 編集 and 停止／再開 (after a confirmation) for a row of the agencies or of the outside partners;
 * `noun` names what the row is (機関, 外部の関係機関) and `shownAs` where it stops being offered.
 */
export function OrganisationRowActions({
  organisation: o,
  noun,
  shownAs,
  onEdit,
}: {
  organisation: Organisation;
  noun: string;
  shownAs: string;
  onEdit: () => void;
}) {
  const toggleActive = useApiMutation(
    () => api('PATCH', `/api/organisations/${o.id}`, { isActive: !o.isActive, version: o.version }),
    { invalidate: [organisationsQuery.queryKey], success: `${noun}の状態を変更しました。` },
  );
  const confirmToggle = () =>
    confirmAction({
      title: o.isActive ? `${noun}を停止しますか` : `${noun}を再開しますか`,
      message: o.isActive
        ? `「${o.name}」を停止すると、${shownAs}に表示されなくなります。これまでの記録は残ります。`
        : `「${o.name}」を再び${shownAs}に表示します。`,
      confirmLabel: o.isActive ? '停止する' : '再開する',
      danger: o.isActive,
      onConfirm: () => toggleActive.mutate(undefined),
    });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="compact-sm" variant="default" aria-label={`${o.name}を編集`} onClick={onEdit}>
        編集
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color={o.isActive ? 'red' : 'teal'}
        aria-label={`${o.name}を${o.isActive ? '停止' : '再開'}`}
        onClick={confirmToggle}
      >
        {o.isActive ? '停止' : '再開'}
      </Button>
    </Group>
  );
}

/** 利用中／停止中, alike for agencies and outside partners. */
export function OrganisationStatus({ active }: { active: boolean }) {
  return active ? (
    <Badge variant="light" color="teal">
      利用中
    </Badge>
  ) : (
    <Badge color="gray">停止中</Badge>
  );
}
