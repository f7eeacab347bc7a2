/** The roles a membership can give a person. */
export const Role = {
  PracticeManager: 'practice_manager',
  PracticeStaff: 'practice_staff',
  IcbAuditor: 'icb_auditor',
  PlatformAdmin: 'platform_admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles held within one practice (the others are held for an ICB or the whole platform). */
export const PRACTICE_ROLES: readonly Role[] = [Role.PracticeManager, Role.PracticeStaff];

export function isPracticeRole(role: Role): boolean {
  return PRACTICE_ROLES.includes(role);
}
