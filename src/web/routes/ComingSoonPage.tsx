import { Stack, Text, Title } from '@mantine/core';
import { EmptyState } from '../components/EmptyState';
import type { NavItem } from '../components/navigation';

export function ComingSoonPage({ item }: { item: NavItem }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        {item.label}
      </Title>
      <Text c="gray.8">{item.description}</Text>
      <EmptyState title="この機能は準備中です">
        使えるようになると、このメニューから利用できます。それまでは、これまでの方法で記録を続けてください。
      </EmptyState>
    </Stack>
  );
}
