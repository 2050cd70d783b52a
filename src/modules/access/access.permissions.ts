import type { Role } from '../../shared/vocabulary';

// The closed set of things a user may be allowed to do. Modules add theirs here.
export const PERMISSIONS = [
  'directory.read', // organisations, areas, colleagues' names
  'admin.organisations.manage',
  'partners.manage', // register outside partners (外部の関係機関) that have no staff accounts
  'admin.areas.manage',
  'admin.users.manage',
  'audit.read',
  'case_content.read', // anything about a resident: people, consultations, cases
  'case_content.write',
  'aggregates.read', // counts for KPIs, never content
  'cases.coordinate', // open and screen 多機関協働 cases, see every case of the municipality
  'meetings.run', // set up meeting bodies, prepare sessions, table cases, record decisions
  'outreach.work', // see and write outreach records and watch partners (the outreach team)
  'outreach.report', // take a report of a person or household of concern, and follow whether it is dealt with
  'resources.manage', // keep the resource directory: resources, operators, verification, import
  'resources.support', // the log of support given to receiving places (受け入れ先へのサポート)
  'community.read', // 地域づくり: areas, regional issues, projects, networks, trainings, and counts that identify no one
  'program.manage', // 事業管理: the programs as run, targets, the five-year plan
  'community.work', // keep those records: profiles, community work, issues and their moves, projects, networks, trainings
  'records.import', // bring people, households and consultations in from a spreadsheet, for one's organisation
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const FRONT_LINE: Permission[] = [
  'directory.read',
  'case_content.read',
  'case_content.write',
  'outreach.report',
];

const DIRECTORY_KEEPER: Permission[] = ['resources.manage', 'resources.support'];

const COMMUNITY_WORK: Permission[] = ['community.read', 'community.work'];

export function permissionsOf(role: Role): readonly Permission[] {
  switch (role) {
    case 'coordinator':
      return [
        ...FRONT_LINE,
        ...DIRECTORY_KEEPER,
        ...COMMUNITY_WORK,
        'cases.coordinate',
        'meetings.run',
        'outreach.work',
        'records.import',
        'partners.manage',
      ];
    case 'outreach_worker':
      return [...FRONT_LINE, 'outreach.work', 'community.read'];
    case 'consultant':
      // reads only their own work and the cases they are named on (case-scope)
      return [...FRONT_LINE, 'community.read', 'records.import'];
    case 'participation_coordinator':
      return [...FRONT_LINE, ...DIRECTORY_KEEPER, ...COMMUNITY_WORK];
    case 'community_worker':
      // works with areas and resources, never with case content; passes on what residents tell
      return ['directory.read', 'outreach.report', ...DIRECTORY_KEEPER, ...COMMUNITY_WORK];
    case 'meeting_member':
      // Sees only what is tabled at meetings attended; the meetings module scopes that.
      return ['directory.read', 'case_content.read'];
    case 'program_manager':
      // keeps the trainings and the promotion bodies' side of regional issues
      return ['directory.read', 'aggregates.read', 'audit.read', 'program.manage', ...COMMUNITY_WORK];
    case 'administrator':
      // Runs the system; never sees what is written about residents.
      return [
        'directory.read',
        'admin.organisations.manage',
        'partners.manage',
        'admin.areas.manage',
        'admin.users.manage',
        'audit.read',
      ];
    default: {
      const unreachable: never = role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}
