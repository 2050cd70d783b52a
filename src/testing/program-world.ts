import { expect } from 'vitest';
import { startSecondCity } from './second-city';
import { loggedIn } from './test-client';
import { DEMO_PASSWORD, startTestServer } from './test-server';

// For the 事業管理 tests: a server with the demo city, a second municipality (its few records
// are what the tests count by hand) and a program manager of each.

export async function startProgramWorld(code: string) {
  const server = await startTestServer();
  const city = await startSecondCity(server, code);
  const created = await city.as('admin').post('/api/admin/users', {
    loginId: `manager-${code}`,
    displayName: '他市 事業担当',
    password: 'other-city-password',
    memberships: [{ organisationId: city.ids.organisation, role: 'program_manager' }],
  });
  expect(created.status).toBe(201);
  const manager = await loggedIn(server.url, `manager-${code}`, 'other-city-password');
  const demoManager = await loggedIn(server.url, 'demo-manager', DEMO_PASSWORD);
  return { server, city, manager, demoManager };
}
