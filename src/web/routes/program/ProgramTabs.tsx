import { Group, Select, Tabs, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/dates';

const TABS = [
  { to: '/program', label: '成果目標と実績' },
  { to: '/program/dashboard', label: 'ダッシュボード' },
  { to: '/program/programs', label: '実施体制' },
  { to: '/program/plan', label: '年度計画' },
] as const;

/** The parts of 事業管理, one tab each. */
export function ProgramTabs({ current }: { current: (typeof TABS)[number]['to'] }) {
  const navigate = useNavigate();
  return (
    <Tabs value={current} onChange={(to) => to && navigate({ to })} mb="md" aria-label="事業管理の画面">
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

/** This fiscal year, the five before it and the next one. */
export function yearChoices() {
  const current = fiscalYearOf(new Date());
  return Array.from({ length: 7 }, (_, i) => current + 1 - i).map((y) => ({
    value: String(y),
    label: fiscalYearLabel(y),
  }));
}

export function ProgramHeader({
  title,
  lead,
  fiscalYear,
  onYear,
  children,
}: {
  title: string;
  lead: string;
  fiscalYear?: number;
  onYear?: (year: number) => void;
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="gray.8">{lead}</Text>
      </div>
      <Group align="flex-end">
        {fiscalYear !== undefined && onYear && (
          <Select
            label="年度"
            w={230}
            allowDeselect={false}
            data={yearChoices()}
            value={String(fiscalYear)}
            onChange={(v) => v && onYear(Number(v))}
          />
        )}
        {children}
      </Group>
    </Group>
  );
}
