import { CreateRolesAndTenancy1763800000000 } from './1763800000000-create-roles-and-tenancy';
import { CreateAuditLog1763800001000 } from './1763800001000-create-audit-log';
import { CreateFeedbackChannels1763800010000 } from './1763800010000-create-feedback-channels';
import { CreatePolicyVersions1763800011000 } from './1763800011000-create-policy-versions';

/** Every migration, oldest first. Add new ones at the end. */
export const PARLEY_MIGRATIONS = [
  CreateRolesAndTenancy1763800000000,
  CreateAuditLog1763800001000,
  CreateFeedbackChannels1763800010000,
  CreatePolicyVersions1763800011000,
];
