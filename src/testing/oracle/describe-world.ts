import { resolveWorld } from './resolve-world';
import type { Probe, World } from './world';
import type { WorldSpec } from './world-spec';

// Worlds read back in words, by their labels (ids are fresh each time), for counterexamples.

export function describeWorld(world: World): string {
  const L = (id: string | null) => (id === null ? '—' : (world.labels.get(id) ?? id));
  const lines: string[] = [`today ${world.today}`];
  for (const c of world.cities) {
    lines.push(`${c.label}市 (tenant ${c.code}): organisations ${c.orgs.map((o) => o.label).join(', ')}`);
    const staff = c.users.map((u) => {
      const roles = c.memberships.filter((m) => m.userId === u.id).map((m) => `${m.role}@${L(m.orgId)}`);
      return `${u.label} ${roles.join(' + ')}`;
    });
    lines.push(`  staff: ${staff.join('; ')}`);
    for (const p of c.persons)
      lines.push(
        `  person ${p.label} ${p.familyName}${p.givenName}: registered by ${L(p.orgId)} / ${L(p.userId)}`,
      );
    for (const h of c.households)
      lines.push(
        `  household ${h.label}: created by ${L(h.orgId)}, members [${h.memberIds.map(L).join(', ')}]`,
      );
    for (const k of c.consultations)
      lines.push(
        `  consultation ${k.label}: by ${L(k.orgId)}, taken by ${L(k.takenById)}, person ${L(k.personId)}, household ${L(k.householdId)}`,
      );
    for (const f of c.referrals)
      lines.push(
        `  referral ${f.label}: ${f.status}, ${L(f.fromId)} → ${f.toMultiAgency ? '多機関協働' : L(f.toId)}, created by ${L(f.createdById)}, person ${L(f.personId)}, household ${L(f.householdId)}, consultation ${L(f.consultationId)}`,
      );
    for (const k of c.consents)
      lines.push(
        `  consent ${k.label}: person ${L(k.personId)}, ${k.scope === 'all_agencies' ? 'all agencies' : `to [${k.orgIds.map(L).join(', ')}]`}, obtained ${k.obtainedOn}, withdrawn ${k.withdrawnOn ?? '—'}`,
      );
    for (const s of c.cases) {
      const team = s.team
        .map(
          (m) => `${L(m.orgId)}${m.userId ? `/${L(m.userId)}` : ''}${m.leftOn ? ` (left ${m.leftOn})` : ''}`,
        )
        .join(', ');
      const plans = s.plans
        .map(
          (p) =>
            `v${p.version}${p.id === s.planInForceId ? ' in force' : ''}: [${p.actions.map((a) => `${L(a.orgId)}/${L(a.userId)}`).join(', ')}]`,
        )
        .join('; ');
      lines.push(
        `  case ${s.label}: ${s.status}, household ${L(s.householdId)}, lead ${L(s.leadOrgId)}, team [${team}], plans [${plans || '—'}]`,
      );
    }
    for (const s of c.supports)
      lines.push(
        `  participation support ${s.label}: person ${L(s.personId)}, opened by ${L(s.orgId)}, 担当 ${L(s.coordinatorId)}, from ${s.caseId ? `case ${L(s.caseId)}` : s.consultationId ? `consultation ${L(s.consultationId)}` : '—'}, ${s.closedOn ? `closed ${s.closedOn}` : 'open'}`,
      );
  }
  return lines.join('\n');
}

function describeProbe(p: Probe, L: (id: string | null) => string): string {
  if ('id' in p) return `${p.kind} ${L(p.id)}`;
  if (p.kind === 'people-search') return `people?q=${p.q}`;
  if (p.kind === 'participation-list')
    return `participation?view=${p.mine ? 'mine' : 'all'}${p.personId ? `&personId=${L(p.personId)}` : p.caseId ? `&caseId=${L(p.caseId)}` : ''}`;
  return p.kind;
}

/** A spec printed as the world it makes and what its actors ask. */
export function describeSpec(spec: WorldSpec): string {
  const world = resolveWorld(spec, new Set());
  const L = (id: string | null) => (id === null ? '—' : (world.labels.get(id) ?? id));
  const actors = world.actors.map(
    (a) => `actor ${a.membership.label} asks: ${a.probes.map((p) => describeProbe(p, L)).join(', ')}`,
  );
  return `\n${describeWorld(world)}\n${actors.join('\n')}`;
}
