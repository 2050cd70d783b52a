import { expect } from 'vitest';
import { bootstrapTenant } from '../modules/tenants/tenants.service';
import { now } from '../server/clock';
import type { RunningServer } from '../server/start';
import { formatWestern } from '../shared/dates';
import { loggedIn, type TestClient } from './test-client';

// A second municipality beside the demo city, with its own staff and an 8050 household
// referred to 多機関協働 and opened as a case: the records that no one of the demo city may reach.

const PASSWORD = 'other-city-password';

export type SecondCity = Awaited<ReturnType<typeof startSecondCity>>;

export async function startSecondCity(server: RunningServer, code = '132187') {
  await bootstrapTenant(server.handle.owner, {
    tenantCode: code,
    tenantName: `別の市${code}`,
    organisationName: `別の市${code} 地域福祉課`,
    loginId: `admin-${code}`,
    displayName: '他市 管理者',
    password: PASSWORD,
  });
  const admin = await loggedIn(server.url, `admin-${code}`, PASSWORD);
  const org = async (name: string, kind: string) => {
    const created = await admin.post<{ id: string }>('/api/organisations', { name, kind });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const houkatsu = await org(`別の市${code} 地域包括支援センター`, 'community_general_support_center');
  const shakyo = await org(`別の市${code} 社会福祉協議会`, 'social_welfare_council');
  const user = async (loginId: string, organisationId: string, role: string) => {
    const created = await admin.post('/api/admin/users', {
      loginId,
      displayName: `他市 ${role}`,
      password: PASSWORD,
      memberships: [{ organisationId, role }],
    });
    expect(created.status).toBe(201);
    return loggedIn(server.url, loginId, PASSWORD);
  };
  const consultant = await user(`consultant-${code}`, houkatsu, 'consultant');
  const coordinator = await user(`coordinator-${code}`, shakyo, 'coordinator');
  const today = formatWestern(now());
  const intake = await consultant.post<{
    id: string;
    personId: string;
    householdId: string;
    referralIds: string[];
  }>('/api/consultations', {
    receivedAt: `${today}T10:00:00+09:00`,
    channel: 'home_visit',
    broughtBy: 'self',
    newPerson: {
      familyName: '他市',
      givenName: 'ハナ',
      familyNameKana: 'タシ',
      givenNameKana: 'ハナ',
      birthDate: '1945-05-05',
      address: '別の市本町1-1',
      phones: ['090-0000-1111'],
    },
    newHouseholdName: '他市さん世帯',
    mainComplaint: '母の介護と息子のひきこもりが重なっている。',
    issues: ['8050', 'domestic_violence'],
    primaryIssue: '8050',
    urgent: true,
    outcome: 'refer_multi_agency',
    shareConsent: 'given',
    consentMethod: 'written',
    referral: { toOrganisationId: null, reason: '複数の課題', actionsTaken: '訪問した' },
  });
  expect(intake.status).toBe(201);
  const opened = await coordinator.post<{ id: string }>('/api/cases', {
    referralId: intake.body.referralIds[0],
    summary: '他市の8050世帯',
  });
  expect(opened.status).toBe(201);
  const area = await admin.post<{ id: string }>('/api/areas', { name: `別の市${code} 中央地区` });
  const body = await coordinator.post<{ id: string }>('/api/meetings/bodies', {
    name: '支援会議（法第106条の6）',
    legalBasis: 'support_meeting_106_6',
    requiresConsent: false,
  });
  const session = await coordinator.post<{ id: string }>('/api/meetings/sessions', {
    bodyId: body.body.id,
    startsAt: now().toISOString(),
  });
  const partner = await coordinator.post<{ partners: { id: string }[] }>('/api/outreach/partners', {
    name: '別の市 郵便局',
    kind: 'postal',
  });
  const report = await coordinator.post<{ recordId: string }>('/api/outreach/reports', {
    receivedOn: today,
    reporterKind: 'minsei_iin',
    observed: '郵便受けに新聞がたまっている。',
    risk: 'high',
  });
  const consents = await consultant.get<{ consents: { id: string }[] }>(
    `/api/people/${intake.body.personId}/consents`,
  );
  const me = await admin.get<{ user: { id: string } }>('/api/auth/session');
  for (const made of [area, body, session, partner, report, consents]) expect(made.status).toBeLessThan(300);
  const clients: Record<'admin' | 'consultant' | 'coordinator', TestClient> = {
    admin,
    consultant,
    coordinator,
  };
  return {
    as: (who: keyof typeof clients) => clients[who],
    ids: {
      organisation: houkatsu,
      shakyo,
      consultation: intake.body.id,
      person: intake.body.personId,
      household: intake.body.householdId,
      referral: intake.body.referralIds[0] ?? '',
      case: opened.body.id,
      area: area.body.id,
      user: me.body.user.id,
      meetingBody: body.body.id,
      meetingSession: session.body.id,
      watchPartner: partner.body.partners[0]?.id ?? '',
      outreachRecord: report.body.recordId,
      consent: consents.body.consents[0]?.id ?? '',
    },
  };
}
