import { Tabs } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
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
  return (
    <Tabs value={current} onChange={(to) => to && navigate({ to })} mb="md" aria-label="地域づくりの画面">
      <Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.to} value={tab.to} fz="md">
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
