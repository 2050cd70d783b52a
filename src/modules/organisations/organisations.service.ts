import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { requireVersion } from '../../db/versions';
import { now } from '../../server/clock';
import { badRequest, conflict } from '../../server/errors';
import { type OrganisationKind, PARTNER_KINDS, ROLES } from '../../shared/vocabulary';
import { permissionsOf } from '../access/access.permissions';
import { type Actor, requirePermission, requireSameTenant } from '../access/access.policy';
import { requireVisible } from '../access/resolve';
import { requireAreaInTenant } from '../areas/areas.service';
import { type AuditContext, recordAudit } from '../audit/audit.service';
import { listOrganisationAsOperator } from '../resources/operators.service';
import { memberships, users } from '../users/users.tables';
import type {
  CreateOrganisationRequest,
  Organisation,
  UpdateOrganisationRequest,
} from './organisations.schemas';
import { organisations } from './organisations.tables';

/** Roles whose holders do the support work and can be named on a case. */
const FRONT_LINE_ROLES = ROLES.filter((role) => permissionsOf(role).includes('case_content.write'));

type Context = AuditContext & { actor: Actor };

const present = (row: typeof organisations.$inferSelect): Organisation => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  functions: row.functions,
  fields: row.fields,
  areaId: row.areaId,
  phone: row.phone,
  external: row.external,
  contactPerson: row.contactPerson,
  isActive: row.isActive,
  version: row.version,
});

export async function listOrganisations(db: Database, actor: Actor): Promise<Organisation[]> {
  requirePermission(actor, 'directory.read');
  const rows = await db
    .select()
    .from(organisations)
    .where(eq(organisations.tenantId, actor.tenantId))
    .orderBy(asc(organisations.name));
  return rows.map(present);
}

/** A partner is of a kind from outside the 事業 (not a 地域包括支援センター or a 社会福祉協議会). */
function requirePartnerKind(kind: OrganisationKind) {
  if (!PARTNER_KINDS.includes(kind)) {
    throw badRequest(
      'KIND_NOT_FOR_PARTNER',
      '外部の関係機関の種別は、保護観察所・保護司・居住支援法人・ハローワーク・医療機関・法律事務所・NPO・その他から選んでください。',
    );
  }
}

/** A name as a picker shows it: ﾊﾛｰﾜｰｸ and ハローワーク alike, spaces left out. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Two organisations of one municipality never share a name, however it is typed: the pickers
 * would not tell them apart, and a つなぎ or a 宿題 meant for one would go to the other.
 */
async function requireNameFree(tx: Database, actor: Actor, name: string, exceptId: string | null) {
  const others = await tx
    .select({ id: organisations.id, name: organisations.name, external: organisations.external })
    .from(organisations)
    .where(eq(organisations.tenantId, actor.tenantId));
  const taken = others.find((o) => o.id !== exceptId && nameKey(o.name) === nameKey(name));
  if (taken) {
    throw conflict(
      'ORGANISATION_NAME_TAKEN',
      `「${taken.name}」がすでに${taken.external ? '外部の関係機関' : '機関'}として登録されています。同じ名前では区別できないため、一覧から選ぶか、名前を変えてください。`,
    );
  }
}

export async function createOrganisation(
  db: Database,
  context: Context,
  input: CreateOrganisationRequest,
): Promise<Organisation> {
  requirePermission(context.actor, input.external ? 'partners.manage' : 'admin.organisations.manage');
  if (input.external) requirePartnerKind(input.kind);
  return db.transaction(async (tx) => {
    await requireNameFree(tx, context.actor, input.name, null);
    if (input.areaId) await requireAreaInTenant(tx, context.actor, input.areaId);
    const { listInDirectory, ...fields } = input;
    const [row] = await tx
      .insert(organisations)
      // a partner outside the 事業 carries none of its statutory functions
      .values({
        ...fields,
        functions: input.external ? [] : input.functions,
        tenantId: context.actor.tenantId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, context, {
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: row.id,
      detail: { external: row.external },
    });
    if (listInDirectory) await listOrganisationAsOperator(tx, context, row);
    return present(row);
  });
}

export async function updateOrganisation(
  db: Database,
  context: Context,
  id: string,
  input: UpdateOrganisationRequest,
): Promise<Organisation> {
  requirePermission(context.actor, 'directory.read');
  return db.transaction(async (tx) => {
    await requireVisible(tx, context.actor, 'organisation', id);
    const [existing] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
    const found = requireSameTenant(context.actor, existing, '機関');
    requirePermission(context.actor, found.external ? 'partners.manage' : 'admin.organisations.manage');
    if (found.external && input.kind) requirePartnerKind(input.kind);
    if (input.name) await requireNameFree(tx, context.actor, input.name, id);
    await requireVersion(tx, organisations, id, input.version);
    if (input.areaId) await requireAreaInTenant(tx, context.actor, input.areaId);
    const { version: _version, ...fields } = input;
    const [row] = await tx
      .update(organisations)
      .set({ ...fields, ...(found.external ? { functions: [] } : {}), updatedAt: now() })
      .where(and(eq(organisations.id, id), eq(organisations.tenantId, context.actor.tenantId)))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await recordAudit(tx, context, {
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: id,
      detail: { fields: Object.keys(fields) },
    });
    return present(row);
  });
}

/** For other modules: the organisation if it belongs to the actor's municipality. */
export async function requireOrganisationInTenant(db: Database, actor: Actor, id: string) {
  await requireVisible(db, actor, 'organisation', id);
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return requireSameTenant(actor, row, '機関');
}

/** Colleagues of an organisation, for naming a worker (主担当, 担当者): names only. */
export async function listWorkers(db: Database, actor: Actor, organisationId: string) {
  requirePermission(actor, 'directory.read');
  await requireVisible(db, actor, 'organisation', organisationId);
  return db
    .selectDistinct({ userId: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.tenantId, actor.tenantId),
        eq(users.isActive, true),
        inArray(memberships.role, [...FRONT_LINE_ROLES]),
      ),
    )
    .orderBy(asc(users.displayName));
}

/** 外部の関係機関: a partner with no staff accounts, whose part the lead or a coordinator records. */
export async function isExternalOrganisation(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ external: organisations.external })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.external ?? false;
}
