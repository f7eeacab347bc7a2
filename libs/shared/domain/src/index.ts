export * from './lib/roles';
export * from './lib/permissions';
