import { CreateRolesAndTenancy1763800000000 } from './1763800000000-create-roles-and-tenancy';
import { CreateAuditLog1763800001000 } from './1763800001000-create-audit-log';
import { CreateFeedbackChannels1763800010000 } from './1763800010000-create-feedback-channels';
import { CreatePolicyVersions1763800011000 } from './1763800011000-create-policy-versions';
import { CreateBankHolidays1763800020000 } from './1763800020000-create-bank-holidays';
import { CreateFeedbackLog1763800021000 } from './1763800021000-create-feedback-log';
import { CreateFftResponses1763800022000 } from './1763800022000-create-fft-responses';
import { CreateEscalationSettingsVersions1763800300000 } from './1763800300000-create-escalation-settings-versions';
import { CreateSocialMediaIncidents1763800301000 } from './1763800301000-create-social-media-incidents';
import { CreateAlerts1763800302000 } from './1763800302000-create-alerts';
import { CreateInsightsAggregates1763800400000 } from './1763800400000-create-insights-aggregates';
import { CreateInsightsIncidents1763800401000 } from './1763800401000-create-insights-incidents';
import { CreateComplaintRetention1763800500000 } from './1763800500000-create-complaint-retention';

/** Every migration, oldest first. Add new ones at the end. */
export const PARLEY_MIGRATIONS = [
  CreateRolesAndTenancy1763800000000,
  CreateAuditLog1763800001000,
  CreateFeedbackChannels1763800010000,
  CreatePolicyVersions1763800011000,
  CreateBankHolidays1763800020000,
  CreateFeedbackLog1763800021000,
  CreateFftResponses1763800022000,
  CreateEscalationSettingsVersions1763800300000,
  CreateSocialMediaIncidents1763800301000,
  CreateAlerts1763800302000,
  CreateInsightsAggregates1763800400000,
  CreateInsightsIncidents1763800401000,
  CreateComplaintRetention1763800500000,
];
