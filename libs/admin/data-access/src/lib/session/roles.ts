import { Role } from '@parley/shared/domain';
import { Role as ApiRole } from '../generated/graphql';

/** GraphQL enum names (`PracticeManager`) → the shared role values (`practice_manager`). */
const FROM_API: Record<ApiRole, Role> = {
  [ApiRole.PracticeManager]: Role.PracticeManager,
  [ApiRole.PracticeStaff]: Role.PracticeStaff,
  [ApiRole.IcbAuditor]: Role.IcbAuditor,
  [ApiRole.PlatformAdmin]: Role.PlatformAdmin,
};

const TO_API = Object.fromEntries(
  Object.entries(FROM_API).map(([api, role]) => [role, api]),
) as Record<Role, ApiRole>;

export function roleFromApi(role: ApiRole): Role {
  return FROM_API[role];
}

export function roleToApi(role: Role): ApiRole {
  return TO_API[role];
}

const LABELS: Record<Role, string> = {
  [Role.PracticeManager]: 'Practice manager',
  [Role.PracticeStaff]: 'Practice staff',
  [Role.IcbAuditor]: 'ICB auditor',
  [Role.PlatformAdmin]: 'Platform admin',
};

/** How a role is named to people. Accepts either spelling. */
export function roleLabel(role: Role | ApiRole): string {
  return LABELS[(role in FROM_API ? FROM_API[role as ApiRole] : role) as Role] ?? String(role);
}
