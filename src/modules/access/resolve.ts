import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import { RecordNotVisible } from '../../server/errors';
import { type Actor, can } from './access.policy';
import {
  caseAccess,
  consentKeeper,
  consultationAccess,
  householdAccess,
  personAccess,
  referralAccess,
} from './case-scope';
import { sessionAccess } from './meeting-scope';
import { participationAccess } from './participation-scope';

// The one door for ids that arrive in a request (path or body): an id is used only once it
// has been resolved here to a record the actor may see (or use); otherwise the request gets the
// same 404 as for a record that does not exist, and the refusal is audited with the id.

type Door = { table: string; what: string; visible: (actor: Actor) => SQL };

/** The audit log's name for the record of each table (AUDIT_TARGET_LABELS). */
const AUDIT_TARGET: Record<string, string> = {
  persons: 'person',
  households: 'household',
  consultations: 'consultation',
  referrals: 'referral',
  cases: 'case',
  organisations: 'organisation',
  users: 'user',
  areas: 'area',
  watch_partners: 'watch_partner',
  outreach_records: 'outreach_record',
  meeting_sessions: 'meeting_session',
  meeting_bodies: 'meeting_body',
  resources: 'resource',
  resource_operators: 'resource_operator',
  participation_supports: 'participation_support',
  placements: 'placement',
  regional_issues: 'regional_issue',
  community_projects: 'community_project',
  networks: 'network',
  trainings: 'training',
  community_activities: 'community_activity',
  programs: 'program',
  program_targets: 'program_target',
  custom_indicators: 'custom_indicator',
  program_plans: 'program_plan',
  plan_items: 'plan_item',
};

const sameTenant = () => sql`true`;
/** 地域づくり records name no resident; those at work on the community may see them. */
const communityReader = (a: Actor) => (can(a, 'community.read') ? sql`true` : sql`false`);

/** 事業管理 records are figures and plans of the program, kept by the program manager. */
const programKeeper = (a: Actor) => (can(a, 'program.manage') ? sql`true` : sql`false`);

const DOORS = {
  person: { table: 'persons', what: '本人の記録', visible: (a) => personAccess(a, sql`"persons"."id"`) },
  /** A person whose consent the actor may record or withdraw (case-scope consentKeeper). */
  consentOf: {
    table: 'persons',
    what: '本人の記録',
    visible: (a) =>
      sql`(${personAccess(a, sql`"persons"."id"`)} and ${consentKeeper(a, sql`"persons"."id"`)})`,
  },
  household: {
    table: 'households',
    what: '世帯',
    visible: (a) => householdAccess(a, sql`"households"."id"`),
  },
  consultation: { table: 'consultations', what: '相談', visible: consultationAccess },
  /** A consultation the actor's organisation took: only it may pass the consultation on. */
  ownConsultation: {
    table: 'consultations',
    what: '相談',
    visible: (a) =>
      can(a, 'case_content.write') && a.organisationId
        ? sql`(${consultationAccess(a)} and "consultations"."organisation_id" = ${a.organisationId})`
        : sql`false`,
  },
  referral: { table: 'referrals', what: 'つなぎ', visible: (a) => referralAccess(a) },
  case: { table: 'cases', what: '多機関協働事例', visible: caseAccess },
  /** An organisation of the municipality (anyone at work may name one). */
  organisation: { table: 'organisations', what: '機関', visible: sameTenant },
  user: { table: 'users', what: '職員', visible: sameTenant },
  area: { table: 'areas', what: '地区', visible: sameTenant },
  watchPartner: { table: 'watch_partners', what: '見守り協定先', visible: sameTenant },
  outreachRecord: {
    table: 'outreach_records',
    what: 'アウトリーチの記録',
    visible: (a) => (can(a, 'outreach.work') ? sql`true` : sql`false`),
  },
  meetingSession: {
    table: 'meeting_sessions',
    what: '会議',
    visible: (a) => sessionAccess(a, '"meeting_sessions"'),
  },
  meetingBody: { table: 'meeting_bodies', what: '会議体', visible: sameTenant },
  /** The resource directory holds nothing about residents: anyone at work may name a resource. */
  resource: { table: 'resources', what: '社会資源', visible: sameTenant },
  resourceOperator: { table: 'resource_operators', what: '運営団体', visible: sameTenant },
  participationSupport: {
    table: 'participation_supports',
    what: '参加支援',
    visible: (a) => participationAccess(a, '"participation_supports"'),
  },
  placement: {
    table: 'placements',
    what: '参加先',
    visible: (a) =>
      sql`exists (select 1 from participation_supports s where s.id = "placements"."support_id"
                  and ${participationAccess(a, 's')})`,
  },
  regionalIssue: { table: 'regional_issues', what: '地域課題', visible: communityReader },
  communityProject: { table: 'community_projects', what: 'プロジェクト', visible: communityReader },
  network: { table: 'networks', what: 'ネットワーク', visible: communityReader },
  training: { table: 'trainings', what: '研修', visible: communityReader },
  communityActivity: { table: 'community_activities', what: '地域への働きかけ', visible: communityReader },
  program: { table: 'programs', what: '事業', visible: programKeeper },
  programTarget: { table: 'program_targets', what: '成果目標', visible: programKeeper },
  customIndicator: { table: 'custom_indicators', what: '指標', visible: programKeeper },
  programPlan: { table: 'program_plans', what: '年度計画', visible: programKeeper },
  planItem: { table: 'plan_items', what: '年度計画の取組', visible: programKeeper },
} satisfies Record<string, Door>;

export type RecordKind = keyof typeof DOORS;

/** The ids among these that name records of this kind the actor may see. */
export async function visibleIds(
  tx: Database,
  actor: Actor,
  kind: RecordKind,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const door: Door = DOORS[kind];
  const table = sql.raw(`"${door.table}"`);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select ${table}.id from ${table}
        where ${table}.id = any(${`{${ids.join(',')}}`}::uuid[]) and ${table}.tenant_id = ${actor.tenantId}
          and ${door.visible(actor)}`,
  );
  return new Set(rows.map((r) => r.id));
}

function notVisible(kind: RecordKind, id: string) {
  const door: Door = DOORS[kind];
  return new RecordNotVisible(AUDIT_TARGET[door.table] ?? door.table, id, door.what);
}

/** Resolves an id from a request to a record the actor may see, or answers 404 (audited). */
export async function requireVisible(
  tx: Database,
  actor: Actor,
  kind: RecordKind,
  id: string,
): Promise<string> {
  const found = await visibleIds(tx, actor, kind, [id]);
  if (!found.has(id)) throw notVisible(kind, id);
  return id;
}

/** Every id of the list, or 404 for the first that is not visible. */
export async function requireAllVisible(
  tx: Database,
  actor: Actor,
  kind: RecordKind,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await visibleIds(tx, actor, kind, unique);
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw notVisible(kind, missing);
  return unique;
}

/** For optional ids: resolves when present. */
export async function requireVisibleIfGiven(
  tx: Database,
  actor: Actor,
  kind: RecordKind,
  id: string | null | undefined,
): Promise<string | null> {
  return id ? requireVisible(tx, actor, kind, id) : null;
}
