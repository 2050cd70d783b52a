import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  ACTIVITY_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
} from '../../../shared/participation-vocabulary';
import { DateText } from '../../components/DateText';
import { hasPermission, useSession } from '../../lib/session';
import { RESOURCES, resourceQuery } from './participation-queries';
import { ResourceForm } from './ResourceForm';
import { placesText, scheduleText, targetText } from './resource-format';
import { SupportLog } from './SupportLog';
import { VerifyDialog } from './VerifyDialog';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

export function ResourcePage({ id }: { id: string }) {
  const { data: r } = useSuspenseQuery(resourceQuery(id));
  const session = useSession();
  const canManage = hasPermission(session, 'resources.manage');
  const [dialog, setDialog] = useState<'edit' | 'verify' | null>(null);
  return (
    <Stack>
      <Text size="sm">
        <Anchor component={Link} to={RESOURCES}>
          社会資源
        </Anchor>{' '}
        ／ {r.name}
      </Text>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {r.name}
            {r.status !== 'active' && (
              <Badge ml="sm" color="gray" variant="outline">
                {RESOURCE_STATUS_LABELS[r.status]}
              </Badge>
            )}
          </Title>
          <Text c="gray.8">
            {r.operatorName}・{r.kinds.map((k) => RESOURCE_KIND_LABELS[k]).join('、')}
          </Text>
        </div>
        {canManage && (
          <Group>
            <Button variant="default" onClick={() => setDialog('edit')}>
              内容を編集
            </Button>
            <Button onClick={() => setDialog('verify')}>情報を確認した</Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md">
        <Group gap="xs" mb="sm">
          <Text fw={700}>最終確認日：</Text>
          {r.verifiedOn ? <DateText value={r.verifiedOn} /> : '未確認'}
          {r.verifiedBy && <Text c="gray.7">（{r.verifiedBy}）</Text>}
          {r.stale && (
            <Badge color="red.9" variant="outline">
              確認から時間がたっています。先方に連絡して内容を確かめてください
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Field label="日時">{scheduleText(r)}</Field>
          <Field label="場所">{[r.areaName, r.address].filter(Boolean).join('　') || '—'}</Field>
          <Field label="対象">{targetText(r)}</Field>
          <Field label="できること">{r.activities.map((a) => ACTIVITY_LABELS[a]).join('・') || '—'}</Field>
          <Field label="費用">
            {r.free ? `無料${r.costNote ? `（${r.costNote}）` : ''}` : (r.costNote ?? '有料')}
          </Field>
          <Field label="空き">{placesText(r)}</Field>
          <Field label="連絡先">
            {[r.contactName, r.contactPhone, r.contactEmail].filter(Boolean).join('　') || '—'}
          </Field>
          <Field label="バリアフリー・配慮">{r.accessibility ?? '—'}</Field>
        </SimpleGrid>
        {r.description && <Text mt="sm">{r.description}</Text>}
        {r.receivingSupport && (
          <Text mt="sm">
            <b>受け入れ側ができる配慮・支援：</b>
            {r.receivingSupport}
          </Text>
        )}
      </Paper>
      {hasPermission(session, 'resources.support') && <SupportLog resourceId={r.id} />}
      {dialog === 'edit' && <ResourceForm resource={r} onClose={() => setDialog(null)} />}
      {dialog === 'verify' && <VerifyDialog resource={r} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
