export * from './lib/generated/graphql';
export * from './lib/graphql/api-error';
export * from './lib/graphql/graphql-client';
export * from './lib/session/session.store';
export * from './lib/session/roles';
export * from './lib/session/auth.service';
export * from './lib/guards/guards';
/** The GraphQL enum (`PracticeManager`), named apart from the shared `Role` (`practice_manager`). */
export { Role as ApiRole } from './lib/generated/graphql';
export * from './lib/navigation/areas';
export * from './lib/testing/session-fixtures';
export * from './lib/alerts/alerts-socket';
