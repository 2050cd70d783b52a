import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/vocabulary';
import { permissionsOf } from './access.permissions';
import { type Actor, can } from './access.policy';

const actorWith = (role: Actor['role']): Actor => ({
  userId: 'u',
  tenantId: 't',
  membershipId: 'm',
  organisationId: 'o',
  role,
});

describe('access policy', () => {
  it('never lets the administrator or the program manager read case content', () => {
    expect(can(actorWith('administrator'), 'case_content.read')).toBe(false);
    expect(can(actorWith('program_manager'), 'case_content.read')).toBe(false);
    expect(can(actorWith('program_manager'), 'aggregates.read')).toBe(true);
  });

  it('lets only the administrator manage users and organisations', () => {
    for (const role of ROLES) {
      expect(can(actorWith(role), 'admin.users.manage')).toBe(role === 'administrator');
      expect(can(actorWith(role), 'admin.organisations.manage')).toBe(role === 'administrator');
    }
  });

  it('gives a user with no membership no permission at all', () => {
    expect(can(actorWith(null), 'directory.read')).toBe(false);
  });

  it('defines permissions for every role', () => {
    for (const role of ROLES) expect(permissionsOf(role).length).toBeGreaterThan(0);
  });
});
