import { Role } from './roles';

/**
 * Every operation of the API declares one of these; the console uses the same names to decide
 * what to show. Practice permissions apply within the active practice only.
 */
export const Permission = {
  /** Any signed-in person, whatever their role (e.g. `me`, `logout`). */
  Authenticated: 'authenticated',

  PracticeRead: 'practice:read',
  PeopleRead: 'people:read',
  PeopleManage: 'people:manage',
  ChannelsRead: 'channels:read',
  ChannelsManage: 'channels:manage',
  PolicyRead: 'policy:read',
  PolicyEdit: 'policy:edit',
  PolicyPublish: 'policy:publish',
  FeedbackRead: 'feedback:read',
  FeedbackLog: 'feedback:log',
  FeedbackManage: 'feedback:manage',
  IncidentsRead: 'incidents:read',
  IncidentsLog: 'incidents:log',
  EscalationRead: 'escalation:read',
  EscalationManage: 'escalation:manage',
  AlertsRead: 'alerts:read',
  AlertsAcknowledge: 'alerts:acknowledge',
  AuditRead: 'audit:read',

  InsightsRead: 'insights:read',

  PlatformManage: 'platform:manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

/** Permissions that only make sense inside one practice: the request must name it. */
export const PRACTICE_PERMISSIONS: readonly Permission[] = [
  Permission.PracticeRead,
  Permission.PeopleRead,
  Permission.PeopleManage,
  Permission.ChannelsRead,
  Permission.ChannelsManage,
  Permission.PolicyRead,
  Permission.PolicyEdit,
  Permission.PolicyPublish,
  Permission.FeedbackRead,
  Permission.FeedbackLog,
  Permission.FeedbackManage,
  Permission.IncidentsRead,
  Permission.IncidentsLog,
  Permission.EscalationRead,
  Permission.EscalationManage,
  Permission.AlertsRead,
  Permission.AlertsAcknowledge,
  Permission.AuditRead,
];

const STAFF: readonly Permission[] = [
  Permission.PracticeRead,
  Permission.PeopleRead,
  Permission.ChannelsRead,
  Permission.PolicyRead,
  Permission.FeedbackRead,
  Permission.FeedbackLog,
  Permission.IncidentsRead,
  Permission.IncidentsLog,
  Permission.EscalationRead,
  Permission.AlertsRead,
];

const MANAGER: readonly Permission[] = [
  ...STAFF,
  Permission.PeopleManage,
  Permission.ChannelsManage,
  Permission.PolicyEdit,
  Permission.PolicyPublish,
  Permission.FeedbackManage,
  Permission.EscalationManage,
  Permission.AlertsAcknowledge,
  Permission.AuditRead,
];

/** What each role may do. Anything not listed is denied. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.PracticeStaff]: STAFF,
  [Role.PracticeManager]: MANAGER,
  [Role.IcbAuditor]: [Permission.InsightsRead],
  [Role.PlatformAdmin]: [Permission.PlatformManage, Permission.InsightsRead],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return permission === Permission.Authenticated || ROLE_PERMISSIONS[role].includes(permission);
}

export function isPracticePermission(permission: Permission): boolean {
  return PRACTICE_PERMISSIONS.includes(permission);
}
