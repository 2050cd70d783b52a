import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { now } from '../../server/clock';
import { formatWestern } from '../../shared/dates';
import { areas } from '../areas/areas.tables';
import { recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { organisations } from '../organisations/organisations.tables';
import { tenants } from '../tenants/tenants.tables';
import { memberships, users } from '../users/users.tables';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS, DEMO_ZONES } from './demo.city';
import { seedDemoCommunity } from './demo.community';
import { seedDemoMeetingBodies } from './demo.meetings';
import { seedDemoNetworks } from './demo.networks';
import { seedDemoWatchPartners } from './demo.outreach';
import { seedDemoParticipation } from './demo.participation';
import { seedDemoProgram } from './demo.program';
import { seedDemoResources } from './demo.resources';

/** On an empty database, creates the demo city. Returns whether it did. */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(tenants);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ ...DEMO_TENANT, isDemo: true })
      .returning();
    if (!tenant) throw new Error('demo tenant not created');
    const tenantId = tenant.id;

    const [city] = await tx.insert(areas).values({ tenantId, level: 'city', name: 'つなぐ市' }).returning();
    const zoneIds = new Map<string, string>();
    for (const [i, zone] of DEMO_ZONES.entries()) {
      const [zoneRow] = await tx
        .insert(areas)
        .values({ tenantId, parentId: city?.id, level: 'zone', name: zone.name, sortOrder: i })
        .returning();
      if (!zoneRow) throw new Error('zone not created');
      zoneIds.set(zone.name, zoneRow.id);
      await tx.insert(areas).values(
        zone.districts.map((name, j) => ({
          tenantId,
          parentId: zoneRow.id,
          level: 'district' as const,
          name,
          sortOrder: j,
        })),
      );
    }

    const organisationIds = new Map<string, string>();
    for (const { key, zone, ...organisation } of DEMO_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({ ...organisation, tenantId, areaId: zone ? zoneIds.get(zone) : city?.id })
        .returning({ id: organisations.id });
      if (row) organisationIds.set(key, row.id);
    }

    const userIds = new Map<string, { id: string; name: string; affiliation: string }>();
    for (const demoUser of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({
          tenantId,
          loginId: demoUser.loginId,
          displayName: demoUser.displayName,
          displayNameKana: demoUser.kana,
          passwordHash,
        })
        .returning({ id: users.id });
      const organisationId = organisationIds.get(demoUser.organisation);
      if (!user || !organisationId) throw new Error(`demo user ${demoUser.loginId} not created`);
      await tx.insert(memberships).values({ tenantId, userId: user.id, organisationId, role: demoUser.role });
      const affiliation = DEMO_ORGANISATIONS.find((o) => o.key === demoUser.organisation)?.name ?? '';
      userIds.set(demoUser.loginId, { id: user.id, name: demoUser.displayName, affiliation });
    }
    await seedDemoMeetingBodies(tx, tenantId, userIds);
    await seedDemoWatchPartners(tx, tenantId);
    const districts = await tx
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .where(and(eq(areas.tenantId, tenantId), eq(areas.level, 'district')));
    const day = formatWestern(now());
    const userIdOf = (loginId: string) => userIds.get(loginId)?.id ?? '';
    await seedDemoResources(tx, tenantId, districts, userIdOf('demo-community'), day);
    await seedDemoParticipation(tx, tenantId, userIdOf('demo-participation'), districts, day);
    await seedDemoNetworks(tx, tenantId, userIdOf, day);
    await seedDemoCommunity(tx, tenantId, userIdOf, day);
    await seedDemoProgram(tx, tenantId, userIdOf('demo-manager'), day);

    await recordAudit(
      tx,
      { actor: null, tenantId, clientIp: null },
      { action: 'tenant.create', targetType: 'tenant', targetId: tenantId, detail: { demo: true } },
    );
  });
  return true;
}
