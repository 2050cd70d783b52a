import { queryOptions } from '@tanstack/react-query';
import type { AreaPage, Overview } from '../../../modules/community/areas-community.schemas';
import type { Project } from '../../../modules/community/projects.schemas';
import type { IssueSummary, RegionalIssue } from '../../../modules/community/regional-issues.schemas';
import { apiGet } from '../../lib/api';

/** The 地域づくり pages (plain strings: the router's paths are declared at run time). */
export const COMMUNITY: string = '/community';
export const ISSUES: string = '/community/issues';
export const PROJECTS: string = '/community/projects';
export const AREAS: string = '/community/areas';
export const issuePath = (id: string): string => `${ISSUES}/${id}`;
export const projectPath = (id: string): string => `${PROJECTS}/${id}`;
export const areaPath = (id: string): string => `${AREAS}/${id}`;

const yearQuery = (fiscalYear?: number) => (fiscalYear ? `?fiscalYear=${fiscalYear}` : '');

export const overviewQuery = (fiscalYear?: number) =>
  queryOptions({
    queryKey: ['community-overview', fiscalYear],
    queryFn: () => apiGet<Overview>(`/api/community/overview${yearQuery(fiscalYear)}`),
  });

export type IssueFilter = { status?: string; areaId?: string; caseId?: string };
export const issuesQuery = (filter: IssueFilter = {}) =>
  queryOptions({
    queryKey: ['regional-issues', filter],
    queryFn: () => {
      const params = new URLSearchParams(
        Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
      );
      const query = params.toString();
      return apiGet<{ issues: IssueSummary[]; canRaise: boolean }>(
        `/api/community/issues${query ? `?${query}` : ''}`,
      );
    },
  });

export const issueQuery = (id: string) =>
  queryOptions({
    queryKey: ['regional-issue', id],
    queryFn: () => apiGet<RegionalIssue>(`/api/community/issues/${id}`),
  });

export type ProjectSummary = {
  id: string;
  title: string;
  status: Project['status'];
  startsOn: string;
  endsOn: string | null;
  leadName: string | null;
  issueCount: number;
  resourceCount: number;
};
export const projectsQuery = queryOptions({
  queryKey: ['community-projects'],
  queryFn: () => apiGet<{ projects: ProjectSummary[]; canWrite: boolean }>('/api/community/projects'),
});

export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: ['community-project', id],
    queryFn: () => apiGet<Project>(`/api/community/projects/${id}`),
  });

export const areaPageQuery = (id: string, fiscalYear?: number) =>
  queryOptions({
    queryKey: ['community-area', id, fiscalYear],
    queryFn: () => apiGet<AreaPage>(`/api/community/areas/${id}${yearQuery(fiscalYear)}`),
  });

/** Everything the 地域づくり screens show that a write may change. */
export const COMMUNITY_KEYS = [
  ['community-overview'],
  ['regional-issues'],
  ['regional-issue'],
  ['community-projects'],
  ['community-project'],
  ['community-areas'],
  ['community-area'],
];

export type IssueCategory = { code: string; label: string; sensitive: boolean };
export const issueCategoriesQuery = queryOptions({
  queryKey: ['issue-vocabulary'],
  queryFn: () => apiGet<{ issues: IssueCategory[] }>('/api/consultations/issues'),
});
