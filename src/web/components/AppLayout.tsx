import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  Select,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { ROLE_LABELS } from '../../shared/vocabulary';
import { api } from '../lib/api';
import { hasPermission, sessionQuery, useSession } from '../lib/session';
import { ADMIN_AREAS, type NavItem, WORK_AREAS } from './navigation';

export function AppLayout() {
  const session = useSession();
  const [opened, { toggle }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const allowed = (item: NavItem) => !item.permission || hasPermission(session, item.permission);
  const adminItems = ADMIN_AREAS.filter(allowed);
  const workItems = WORK_AREAS.filter(allowed);
  // the most specific area of the path (社会資源 under 参加支援 lights only 社会資源)
  const activeWorkArea = workItems
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;

  const logout = async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/login' });
  };

  const switchMembership = async (membershipId: string | null) => {
    if (!membershipId || membershipId === session.activeMembershipId) return;
    const next = await api('PUT', '/api/auth/session/membership', { membershipId });
    queryClient.clear();
    queryClient.setQueryData(sessionQuery.queryKey, next as typeof session);
    await navigate({ to: '/' });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="メニューを開く" />
            <Text component={Link} to="/" fw={700} size="lg" c="teal.9" td="none">
              tsunagu つなぐ
            </Text>
            <Text size="sm" c="gray.8" visibleFrom="md">
              {session.tenant.name}
            </Text>
            {session.tenant.isDemo && (
              <Badge color="yellow.3" autoContrast title="このデータは架空のデモデータです">
                デモ
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Select
              aria-label="所属と役割"
              size="xs"
              // long organisation names (…基幹相談支援センター／相談員) read whole on a desk screen
              w={{ base: 300, lg: 460 }}
              comboboxProps={{ width: 'max-content', position: 'bottom-end' }}
              visibleFrom="sm"
              allowDeselect={false}
              value={session.activeMembershipId}
              onChange={switchMembership}
              data={session.memberships.map((m) => ({
                value: m.id,
                label: `${m.organisationName}／${ROLE_LABELS[m.role]}`,
              }))}
            />
            <Text size="sm" fw={500}>
              {session.user.displayName}
              <VisuallyHidden>さん</VisuallyHidden>
            </Text>
            <Button variant="default" size="xs" onClick={logout}>
              ログアウト
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="メインメニュー">
        <Stack gap={2}>
          <NavLink component={Link} to="/" label="ホーム" active={pathname === '/'} />
          {workItems.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={item.to === activeWorkArea}
              rightSection={
                item.ready ? undefined : (
                  <Text size="xs" c="inherit">
                    準備中
                  </Text>
                )
              }
            />
          ))}
          {adminItems.length > 0 && (
            <NavLink
              component="button"
              type="button"
              label="管理"
              defaultOpened
              childrenOffset={12}
              active={false}
            >
              {adminItems.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  active={pathname.startsWith(item.to)}
                />
              ))}
            </NavLink>
          )}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
