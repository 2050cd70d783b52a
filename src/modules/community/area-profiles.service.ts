import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { badRequest, conflict } from '../../server/errors';
import { requirePermission } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { users } from '../users/users.tables';
import type { Profile, SaveProfile } from './areas-community.schemas';
import { areaProfiles } from './community.tables';

type ProfileRow = typeof areaProfiles.$inferSelect;

type Figures = Partial<
  Record<
    'population' | 'households' | 'aged65' | 'aged75' | 'singleElderlyHouseholds' | 'children',
    number | null
  >
>;

/** A part may not exceed its whole: 65歳以上 ≤ 人口, 75歳以上 ≤ 65歳以上, 子ども ≤ 人口, 高齢単身世帯 ≤ 世帯数. */
export function inconsistency(f: Figures): string | null {
  const checks: [keyof Figures, keyof Figures, string][] = [
    ['aged65', 'population', '65歳以上人口が人口を超えています。'],
    ['aged75', 'aged65', '75歳以上人口が65歳以上人口を超えています。'],
    ['children', 'population', '子どもの数が人口を超えています。'],
    ['singleElderlyHouseholds', 'households', '高齢単身世帯数が世帯数を超えています。'],
  ];
  for (const [part, whole, message] of checks) {
    const p = f[part];
    const w = f[whole];
    if (typeof p === 'number' && typeof w === 'number' && p > w) return `${message}数字を確かめてください。`;
  }
  return null;
}

export const presentProfile = (row: ProfileRow, updatedByName: string | null): Profile => ({
  fiscalYear: row.fiscalYear,
  version: row.version,
  population: row.population,
  households: row.households,
  aged65: row.aged65,
  aged75: row.aged75,
  singleElderlyHouseholds: row.singleElderlyHouseholds,
  children: row.children,
  associationRate: row.associationRate === null ? null : Number(row.associationRate),
  extraFigures: row.extraFigures,
  strengths: row.strengths,
  issues: row.issues,
  vision: row.vision,
  updatedAt: row.updatedAt.toISOString(),
  updatedByName,
});

export async function profileOf(tx: Database, areaId: string, fiscalYear: number) {
  const [row] = await tx
    .select({ p: areaProfiles, name: users.displayName })
    .from(areaProfiles)
    .leftJoin(users, eq(users.id, areaProfiles.updatedByUserId))
    .where(and(eq(areaProfiles.areaId, areaId), eq(areaProfiles.fiscalYear, fiscalYear)));
  return row ? presentProfile(row.p, row.name) : null;
}

const toColumns = (fields: Omit<SaveProfile, 'version'>) => {
  const { associationRate, ...rest } = fields;
  return {
    ...rest,
    ...(associationRate === undefined
      ? {}
      : { associationRate: associationRate === null ? null : associationRate.toFixed(1) }),
  };
};

/**
 * Saves an area's profile of one fiscal year (地域プロフィール). Each year is its own
 * record, so last year's stays as it was; a second person creating the same year at the same
 * time gets 409, as does a change made to an older version.
 */
export async function saveProfile(
  tx: Database,
  context: ActorContext,
  areaId: string,
  fiscalYear: number,
  input: SaveProfile,
) {
  requirePermission(context.actor, 'community.work');
  await requireVisible(tx, context.actor, 'area', areaId);
  const { version, ...fields } = input;
  const [existing] = await tx
    .select()
    .from(areaProfiles)
    .where(and(eq(areaProfiles.areaId, areaId), eq(areaProfiles.fiscalYear, fiscalYear)))
    .for('update');
  const problem = inconsistency({ ...existing, ...fields });
  if (problem) throw badRequest('FIGURES_INCONSISTENT', problem);
  if (existing) {
    if (version === null) {
      throw conflict(
        'PROFILE_EXISTS',
        'この年度の地域プロフィールは、すでに他の職員が作成しました。画面を読み込み直してください。',
      );
    }
    await requireVersion(tx, areaProfiles, existing.id, version);
    await tx
      .update(areaProfiles)
      .set({ ...toColumns(fields), updatedByUserId: context.actor.userId })
      .where(eq(areaProfiles.id, existing.id));
  } else {
    if (version !== null)
      throw conflict(
        'STALE_RECORD',
        'この年度の地域プロフィールは見つかりません。画面を読み込み直してください。',
      );
    await tx.insert(areaProfiles).values({
      ...toColumns(fields),
      tenantId: context.actor.tenantId,
      areaId,
      fiscalYear,
      updatedByUserId: context.actor.userId,
    });
  }
  await recordAudit(tx, context, {
    action: 'community.area_profile',
    targetType: 'area',
    targetId: areaId,
    detail: { fiscalYear, fields: Object.keys(fields) },
  });
}
