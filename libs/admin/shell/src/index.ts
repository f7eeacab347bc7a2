export * from './lib/shell.component';
export { LiveAlerts } from './lib/alerts/live-alerts';
export type { LiveAlertFieldsFragment } from './lib/generated/graphql';
