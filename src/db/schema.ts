export * from '../modules/areas/areas.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/auth/auth.tables';
export * from '../modules/organisations/organisations.tables';
export * from '../modules/tenants/tenants.tables';
export * from '../modules/users/users.tables';
