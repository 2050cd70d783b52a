import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { Suspense } from 'react';
import { AppLayout } from './components/AppLayout';
import { ErrorAlert } from './components/ErrorAlert';
import { ADMIN_AREAS, WORK_AREAS } from './components/navigation';
import { ApiError } from './lib/api';
import { hasPermission, sessionQuery } from './lib/session';
import { AuditPage } from './routes/AuditPage';
import { AreasPage } from './routes/admin/AreasPage';
import { OrganisationsPage } from './routes/admin/OrganisationsPage';
import { SettingsPage } from './routes/admin/SettingsPage';
import { UsersPage } from './routes/admin/UsersPage';
import { ComingSoonPage } from './routes/ComingSoonPage';
import { AssessmentForm } from './routes/cases/AssessmentForm';
import { CasePage } from './routes/cases/CasePage';
import { CasesPage } from './routes/cases/CasesPage';
import { PlanForm } from './routes/cases/PlanForm';
import { AreaImportPage } from './routes/community/areas/AreaImportPage';
import { AreaPageRoute } from './routes/community/areas/AreaPage';
import { CommunityAreasPage } from './routes/community/areas/AreasPage';
import { IssuePageRoute, ProjectPageRoute } from './routes/community/community-routes';
import { IssuesPage } from './routes/community/issues/IssuesPage';
import { NetworkPageRoute } from './routes/community/networks/NetworkPage';
import { NetworksPage } from './routes/community/networks/NetworksPage';
import { OverviewPage } from './routes/community/OverviewPage';
import { ProjectsPage } from './routes/community/projects/ProjectsPage';
import { TrainingsPage } from './routes/community/trainings/TrainingsPage';
import { HomePage } from './routes/HomePage';
import { HouseholdPage } from './routes/households/HouseholdPage';
import { PeopleSearchPage } from './routes/households/PeopleSearchPage';
import { ImportPage } from './routes/imports/ImportPage';
import { ConsultationForm } from './routes/intake/ConsultationForm';
import { IntakePage } from './routes/intake/IntakePage';
import { LoginPage } from './routes/LoginPage';
import { BodiesPage } from './routes/meetings/BodiesPage';
import { MeetingsPage } from './routes/meetings/MeetingsPage';
import { OutreachPacketPage } from './routes/meetings/OutreachPacketPage';
import { PacketPage } from './routes/meetings/PacketPage';
import { SessionPage } from './routes/meetings/SessionPage';
import { WhiteboardPage } from './routes/meetings/WhiteboardPage';
import { OutreachPage } from './routes/outreach/OutreachPage';
import { PartnersPage } from './routes/outreach/PartnersPage';
import { RecordPage } from './routes/outreach/RecordPage';
import { ParticipationPage } from './routes/participation/ParticipationPage';
import { ResourcePageRoute, SupportPageRoute } from './routes/participation/participation-routes';
import { ResourceImportPage } from './routes/participation/ResourceImportPage';
import { ResourcesPage } from './routes/participation/ResourcesPage';
import { OutsidePartnersPage } from './routes/partners/OutsidePartnersPage';
import { CasePrint } from './routes/print/CasePrint';
import { ConsultationPrint } from './routes/print/ConsultationPrint';
import { MeetingPrint } from './routes/print/MeetingPrint';
import { ProgramPrint } from './routes/print/ProgramPrint';
import { ReferralPrint } from './routes/print/ReferralPrint';
import { DashboardPage } from './routes/program/DashboardPage';
import { PlanPage } from './routes/program/PlanPage';
import { ProgramsPage } from './routes/program/ProgramsPage';
import { ResultsPage } from './routes/program/ResultsPage';
import { PublicDirectoryPage } from './routes/public/PublicDirectoryPage';
import { ReferralPage } from './routes/referrals/ReferralPage';
import { ReferralsPage } from './routes/referrals/ReferralsPage';

type RouterContext = { queryClient: QueryClient };

const Loading = () => (
  <Center p="xl">
    <Loader aria-label="読み込み中" />
  </Center>
);

function RouteError({ error }: ErrorComponentProps) {
  return <ErrorAlert error={error} title="画面を表示できませんでした" />;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  ),
  notFoundComponent: () => (
    <Stack p="xl">
      <Title order={1} size="h2">
        ページが見つかりません
      </Title>
      <Text>URLを確認するか、メニューから移動してください。</Text>
    </Stack>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  beforeLoad: async ({ context }) => {
    if (await context.queryClient.fetchQuery(sessionQuery)) throw redirect({ to: '/' });
  },
  component: LoginPage,
});

// The resource directory for residents: no login; the server answers only when the
// municipality publishes it (自治体の設定).
const publicDirectoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/$tenantCode',
  component: PublicDirectoryPage,
  errorComponent: RouteError,
});

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/login' });
    return { session };
  },
  component: AppLayout,
  errorComponent: RouteError,
});

const page = (path: string, component: () => React.ReactNode, permission?: string) =>
  createRoute({
    getParentRoute: () => shellRoute,
    path,
    beforeLoad: ({ context }) => {
      if (permission && !hasPermission(context.session, permission)) {
        throw new ApiError(403, 'FORBIDDEN', 'この画面を表示する権限がありません。');
      }
    },
    component: () => <Suspense fallback={<Loading />}>{component()}</Suspense>,
    errorComponent: RouteError,
  });

const printPage = (path: string, component: () => React.ReactNode) =>
  createRoute({
    getParentRoute: () => rootRoute,
    path,
    beforeLoad: async ({ context }) => {
      if (!(await context.queryClient.ensureQueryData(sessionQuery))) throw redirect({ to: '/login' });
    },
    component,
    errorComponent: RouteError,
  });

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicDirectoryRoute,
  printPage('/print/referrals/$id', () => <ReferralPrint />),
  printPage('/print/consultations/$id', () => <ConsultationPrint />),
  printPage('/print/cases/$id/$sheet', () => <CasePrint />),
  printPage('/print/meetings/$id/$sheet', () => <MeetingPrint />),
  printPage('/print/program/$sheet', () => <ProgramPrint />),
  printPage('/whiteboard/$id/$caseId', () => (
    <Suspense fallback={<Loading />}>
      <WhiteboardPage />
    </Suspense>
  )),
  shellRoute.addChildren([
    page('/', () => <HomePage />),
    ...WORK_AREAS.filter((item) => !item.ready).map((item) =>
      page(item.to, () => <ComingSoonPage item={item} />),
    ),
    page('/intake', () => <IntakePage />),
    page('/intake/new', () => <ConsultationForm />),
    page('/referrals', () => <ReferralsPage />),
    page('/referrals/$id', () => <ReferralPage />),
    page('/households', () => <PeopleSearchPage />),
    page('/households/$id', () => <HouseholdPage />),
    page('/imports', () => <ImportPage />, 'records.import'),
    page('/cases', () => <CasesPage />),
    page('/cases/$id', () => <CasePage />),
    page('/cases/$id/assessment', () => <AssessmentForm />),
    page('/cases/$id/plan', () => <PlanForm />),
    page('/meetings', () => <MeetingsPage />),
    page('/meetings/bodies', () => <BodiesPage />),
    page('/meetings/$id', () => <SessionPage />),
    page('/meetings/$id/cases/$caseId', () => <PacketPage />),
    page('/meetings/$id/outreach/$recordId', () => <OutreachPacketPage />),
    page('/outreach', () => <OutreachPage />),
    page('/outreach/partners', () => <PartnersPage />),
    page('/outreach/$id', () => <RecordPage />),
    page('/participation', () => <ParticipationPage />, 'case_content.read'),
    page('/participation/resources', () => <ResourcesPage />),
    page('/participation/resources/import', () => <ResourceImportPage />, 'resources.manage'),
    page('/participation/resources/$id', () => <ResourcePageRoute />),
    page('/participation/supports/$id', () => <SupportPageRoute />, 'case_content.read'),
    page('/community', () => <OverviewPage />, 'community.read'),
    page('/community/issues', () => <IssuesPage />, 'community.read'),
    page('/community/issues/$id', () => <IssuePageRoute />, 'community.read'),
    page('/community/projects', () => <ProjectsPage />, 'community.read'),
    page('/community/projects/$id', () => <ProjectPageRoute />, 'community.read'),
    page('/community/areas', () => <CommunityAreasPage />, 'community.read'),
    page('/community/areas/import', () => <AreaImportPage />, 'community.work'),
    page('/community/areas/$id', () => <AreaPageRoute />, 'community.read'),
    page('/community/networks', () => <NetworksPage />, 'community.read'),
    page('/community/networks/$id', () => <NetworkPageRoute />, 'community.read'),
    page('/community/trainings', () => <TrainingsPage />, 'community.read'),
    page('/program', () => <ResultsPage />, 'aggregates.read'),
    page('/program/dashboard', () => <DashboardPage />, 'aggregates.read'),
    page('/program/programs', () => <ProgramsPage />, 'aggregates.read'),
    page('/program/plan', () => <PlanPage />, 'aggregates.read'),
    ...ADMIN_AREAS.map((item) => {
      const Component = {
        '/admin/organisations': OrganisationsPage,
        '/partners': OutsidePartnersPage,
        '/admin/areas': AreasPage,
        '/admin/users': UsersPage,
        '/admin/settings': SettingsPage,
        '/audit': AuditPage,
      }[item.to];
      if (!Component) throw new Error(`no page for ${item.to}`);
      return page(item.to, () => <Component />, item.permission);
    }),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: false });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
