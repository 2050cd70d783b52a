import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { fiscalYearLabel, fiscalYearOf } from '../../shared/dates';
import { ROLE_LABELS } from '../../shared/vocabulary';
import { DateText } from '../components/DateText';
import { EmptyState } from '../components/EmptyState';
import { ExportButton } from '../components/ExportButton';
import { ADMIN_AREAS, WORK_AREAS } from '../components/navigation';
import { activeMembership, hasPermission, useSession } from '../lib/session';
import { CaseCounts } from './cases/CaseCounts';
import { MeetingCounts } from './meetings/MeetingCounts';
import { UpcomingMeetings } from './meetings/UpcomingMeetings';
import { OutreachCounts } from './outreach/OutreachCounts';
import { ParticipationCounts } from './participation/ParticipationCounts';
import { StaleResources } from './participation/StaleResources';
import { WorkQueue } from './WorkQueue';

export function HomePage() {
  const session = useSession();
  const membership = activeMembership(session);
  const today = new Date();
  const readsCases = hasPermission(session, 'case_content.read');
  const writesCases = hasPermission(session, 'case_content.write');
  // areas announced before they are built (none at present)
  const coming = WORK_AREAS.filter((area) => !area.ready);
  const adminLinks = ADMIN_AREAS.filter((item) => item.permission && hasPermission(session, item.permission));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            ホーム
          </Title>
          <Text c="gray.8">
            {session.user.displayName}さん（
            {membership ? `${membership.organisationName}／${ROLE_LABELS[membership.role]}` : '所属なし'}）
          </Text>
        </div>
        <Text c="gray.8" ta="right">
          本日 <DateText value={today} />　{fiscalYearLabel(fiscalYearOf(today))}
        </Text>
      </Group>

      {!membership && (
        <EmptyState title="所属が登録されていません">
          システム管理者に、所属する機関と役割の登録を依頼してください。
        </EmptyState>
      )}

      {membership && writesCases && (
        <section aria-labelledby="queue-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="queue-title">
              対応が必要なこと
            </Title>
            <ExportButton list="case-work-queue" label="多機関協働の事例の対応事項" />
          </Group>
          <WorkQueue />
        </section>
      )}

      {membership && !writesCases && hasPermission(session, 'resources.manage') && (
        <section aria-labelledby="directory-queue-title">
          <Title order={2} size="h3" id="directory-queue-title" mb="sm">
            対応が必要なこと
          </Title>
          <StaleResources />
        </section>
      )}

      {membership && readsCases && !writesCases && (
        <section aria-labelledby="meetings-title">
          <Title order={2} size="h3" id="meetings-title" mb="sm">
            出席予定の会議
          </Title>
          <UpcomingMeetings />
        </section>
      )}

      {hasPermission(session, 'aggregates.read') && (
        <>
          <CaseCounts />
          <MeetingCounts />
          <OutreachCounts />
          <ParticipationCounts />
        </>
      )}

      {adminLinks.length > 0 && (
        <section aria-labelledby="admin-title">
          <Title order={2} size="h3" id="admin-title" mb="sm">
            {hasPermission(session, 'admin.users.manage') ? 'システム管理' : '事業の管理'}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {adminLinks.map((item) => (
              <Paper key={item.to} withBorder p="md" radius="md">
                <Anchor component={Link} to={item.to} fw={700}>
                  {item.label}
                </Anchor>
                <Text size="sm" c="gray.8">
                  {item.description}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {!readsCases && (
            <Text size="sm" c="gray.8" mt="sm">
              この役割では、相談や事例の内容（個人の情報）は表示されません。
            </Text>
          )}
        </section>
      )}

      {membership && !readsCases && hasPermission(session, 'outreach.report') && (
        <section aria-labelledby="report-title">
          <Title order={2} size="h3" id="report-title" mb="sm">
            気になる人・世帯の報告
          </Title>
          <Text size="sm" c="gray.8" mb="xs">
            この役割では、相談や事例の内容（個人の情報）は表示されません。地域で「気になる」と聞いたことは、
            アウトリーチの担当へ報告できます。
          </Text>
          <Anchor component={Link} to="/outreach">
            アウトリーチ（報告を受ける・受けた報告の状況）へ
          </Anchor>
        </section>
      )}

      {membership && coming.length > 0 && (writesCases || hasPermission(session, 'outreach.report')) && (
        <section aria-labelledby="next-title">
          <Title order={2} size="h3" id="next-title" mb="sm">
            これから使えるようになる機能
          </Title>
          <List size="sm" c="gray.8">
            {coming.map((area) => (
              <List.Item key={area.to}>
                {area.label}（{area.description}）
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
