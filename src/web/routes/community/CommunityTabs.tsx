import { Tabs, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { hasPermission, useSession } from '../../lib/session';
import { AREAS, COMMUNITY, ISSUES, PROJECTS } from './community-queries';

const TABS = [
  { to: COMMUNITY, label: '課題×地区の俯瞰' },
  { to: ISSUES, label: '地域課題' },
  { to: PROJECTS, label: 'プロジェクト' },
  { to: AREAS, label: '圏域・地区' },
  { to: '/community/networks', label: 'ネットワーク' },
  { to: '/community/trainings', label: '研修' },
] as const;

/** The parts of 地域づくり, one tab each; the current one is the page's. */
export function CommunityTabs({ current }: { current: (typeof TABS)[number]['to'] | string }) {
  const navigate = useNavigate();
  const readOnly = !hasPermission(useSession(), 'community.work');
  return (
    <>
      <Tabs value={current} onChange={(to) => to && navigate({ to })} mb="md" aria-label="地域づくりの画面">
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.to} value={tab.to} fz="md">
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {readOnly && (
        <Text size="sm" c="gray.8" mt={-8} mb="sm">
          この役割では、地域づくりの記録は閲覧だけできます（見られる事例から地域課題を提起し、事例を結びつけることはできます）。
        </Text>
      )}
    </>
  );
}
