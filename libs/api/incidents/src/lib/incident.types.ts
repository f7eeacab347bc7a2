import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EscalationStepKindEnum, IncidentSeverityEnum } from '@parley/api/escalation';
import {
  ALL_INCIDENT_SEVERITIES,
  type EscalationStepKind,
  type IncidentSeverity,
  type IsoDate,
  isIsoDate,
} from '@parley/shared/domain';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';

export const INCIDENT_PLATFORMS = [
  'facebook',
  'x',
  'instagram',
  'tiktok',
  'nextdoor',
  'google_reviews',
  'whatsapp',
  'other',
] as const;
export type IncidentPlatform = (typeof INCIDENT_PLATFORMS)[number];
export const IncidentPlatformEnum = Object.fromEntries(INCIDENT_PLATFORMS.map((p) => [p, p])) as {
  [K in IncidentPlatform]: K;
};
registerEnumType(IncidentPlatformEnum, {
  name: 'IncidentPlatform',
  description: 'Where the post was seen.',
});

export const LadderStepStatusEnum = {
  taken: 'taken',
  suggested: 'suggested',
  pending: 'pending',
} as const;
export type LadderStepStatus = keyof typeof LadderStepStatusEnum;
registerEnumType(LadderStepStatusEnum, {
  name: 'LadderStepStatus',
  description:
    'taken: recorded; suggested: the next step to take now; pending: not called for (yet).',
});

export const LadderScopeEnum = { patient: 'patient', incident: 'incident' } as const;
export type LadderScope = keyof typeof LadderScopeEnum;
registerEnumType(LadderScopeEnum, {
  name: 'LadderScope',
  description:
    "patient: the ladder over all the linked patient's incidents; incident: this incident alone (no patient linked).",
});

/** Limits of the log's fields; the database checks the same. */
export const INCIDENT_LIMITS = {
  link: 2000,
  reportedBy: 200,
  summary: 4000,
  notes: 4000,
  reasons: 4000,
  patientLabel: 60,
  police: 100,
} as const;

/** Calendar days as GraphQL strings, `yyyy-mm-dd`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'date'} must be a calendar date written yyyy-mm-dd`,
      },
    },
    options,
  );
}

@ObjectType({
  description: 'A practice-local pseudonymous reference to a patient (never a name or NHS number).',
})
export class IncidentPatient {
  @Field(() => ID) id!: string;
  @Field({
    description:
      'The reference the practice uses, e.g. "P-0042"; the clinical record holds who it is.',
  })
  label!: string;
  @Field(() => Int) incidentCount!: number;
  @Field() createdAt!: Date;
}

@ObjectType({ description: 'A step taken along the ladder.' })
export class IncidentAction {
  @Field(() => ID) id!: string;
  @Field(() => ID) incidentId!: string;
  @Field(() => EscalationStepKindEnum) kind!: EscalationStepKind;
  @Field() label!: string;
  @Field(() => String, {
    description: 'The day it was taken (warning given, request made), yyyy-mm-dd.',
  })
  takenOn!: IsoDate;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Warnings and removal requests: the reasons recorded.',
  })
  reasons!: string | null;
  @Field({
    description: 'Removal requests: immediate (after violence or threats reported to the police).',
  })
  immediate!: boolean;
  @Field(() => String, { nullable: true }) policeIncidentReference!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Removal without a warning: why a warning was unsafe or impracticable.',
  })
  noWarningBecause!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Removal requests: the day the patient leaves the list.',
  })
  effectiveOn!: IsoDate | null;
  @Field(() => String, {
    nullable: true,
    description: 'Immediate removals: written confirmation due by this day.',
  })
  writtenConfirmationDueOn!: IsoDate | null;
  @Field(() => String, { nullable: true }) recordedBy!: string | null;
  @Field() recordedAt!: Date;
}

@ObjectType()
export class LadderStepProgress {
  @Field(() => Int) position!: number;
  @Field(() => EscalationStepKindEnum) kind!: EscalationStepKind;
  @Field() label!: string;
  @Field() triggerDescription!: string;
  @Field(() => LadderStepStatusEnum) status!: LadderStepStatus;
  @Field(() => String, { nullable: true, description: 'When taken: the latest day it was taken.' })
  takenOn!: IsoDate | null;
}

@ObjectType({ description: "Where the patient (or the incident) stands on the practice's ladder." })
export class LadderProgress {
  @Field(() => LadderScopeEnum) scope!: LadderScope;
  @Field(() => Int, { description: 'Incidents counted (the patient’s, or 1).' })
  incidentCount!: number;
  @Field(() => [LadderStepProgress]) steps!: LadderStepProgress[];
}

@ObjectType()
export class SuggestedStep {
  @Field(() => EscalationStepKindEnum) kind!: EscalationStepKind;
  @Field() label!: string;
  @Field({ description: 'The trigger that calls for it, in words.' }) reason!: string;
}

@ObjectType({ description: 'A social-media post brought to the practice’s attention.' })
export class Incident {
  @Field(() => ID) id!: string;
  @Field(() => IncidentPlatformEnum) platform!: IncidentPlatform;
  @Field() link!: string;
  @Field() seenAt!: Date;
  @Field({ description: 'Who brought it to the practice’s attention (free text).' })
  reportedBy!: string;
  @Field() summary!: string;
  @Field(() => IncidentSeverityEnum) severity!: IncidentSeverity;
  @Field({ description: 'Whether members of staff are named in it.' }) staffNamed!: boolean;
  @Field(() => IncidentPatient, { nullable: true }) patient!: IncidentPatient | null;
  @Field(() => String, { nullable: true }) loggedBy!: string | null;
  @Field() loggedAt!: Date;
  @Field(() => [IncidentAction], { description: 'Steps recorded against this incident.' })
  actions!: IncidentAction[];
  @Field(() => LadderProgress) ladder!: LadderProgress;
  @Field(() => SuggestedStep, {
    nullable: true,
    description: 'The step the practice’s ladder calls for now, if any.',
  })
  nextSuggestedStep!: SuggestedStep | null;
}

@ObjectType({ description: 'Whether a removal request would stand, before making it.' })
export class RemovalCheck {
  @Field() allowed!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, in words.' }) refusal!:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'The input the refusal is about.' }) field!:
    | string
    | null;
  @Field(() => String, { nullable: true }) effectiveOn!: IsoDate | null;
  @Field(() => String, { nullable: true }) writtenConfirmationDueOn!: IsoDate | null;
  @Field(() => String, {
    description: 'A warning given on or after this day supports the request.',
  })
  earliestValidWarningDate!: IsoDate;
  @Field(() => String, { nullable: true, description: 'The warning relied on.' })
  warningGivenOn!: IsoDate | null;
}

@InputType()
export class LogIncidentInput {
  @Field(() => IncidentPlatformEnum)
  @IsIn(INCIDENT_PLATFORMS, { message: `platform must be one of ${INCIDENT_PLATFORMS.join(', ')}` })
  platform!: IncidentPlatform;
  @Field({ description: 'The https:// address of the post.' })
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_valid_protocol: true },
    { message: 'link must be an https:// address' },
  )
  @MaxLength(INCIDENT_LIMITS.link, { message: 'link is longer than the limit of 2,000 characters' })
  link!: string;
  @Field() @Type(() => Date) @IsDate({ message: 'seenAt must be a date and time' }) seenAt!: Date;
  @Field()
  @IsString()
  @MinLength(1, { message: 'reportedBy is required' })
  @MaxLength(INCIDENT_LIMITS.reportedBy, {
    message: 'reportedBy is longer than the limit of 200 characters',
  })
  reportedBy!: string;
  @Field()
  @IsString()
  @MinLength(1, { message: 'summary is required' })
  @MaxLength(INCIDENT_LIMITS.summary, {
    message: 'summary is longer than the limit of 4,000 characters',
  })
  summary!: string;
  @Field(() => IncidentSeverityEnum)
  @IsIn(ALL_INCIDENT_SEVERITIES, {
    message: 'severity must be low, offensive, abusive or threatening',
  })
  severity!: IncidentSeverity;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'patientId must be a patient id' })
  patientId?: string | null;
  @Field({ nullable: true, defaultValue: false }) @IsOptional() @IsBoolean() staffNamed?: boolean;
}

@InputType()
export class AddIncidentPatientInput {
  @Field({
    description: 'A practice-local reference, e.g. "P-0042": not a name, not an NHS number.',
  })
  @IsString()
  @MinLength(1, { message: 'label is required' })
  @MaxLength(INCIDENT_LIMITS.patientLabel, {
    message: 'label is longer than the limit of 60 characters',
  })
  label!: string;
}

@InputType()
export class RecordLadderStepInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'incidentId must be an incident id' })
  incidentId!: string;
  @Field(() => EscalationStepKindEnum, {
    description:
      'invite_discussion or contact_group_admins; warnings and removals have their own operations.',
  })
  @IsIn(['invite_discussion', 'contact_group_admins'], {
    message:
      'kind must be invite_discussion or contact_group_admins (record warnings with recordWarning, removals with requestRemoval)',
  })
  kind!: EscalationStepKind;
  @Field(() => String) @IsCalendarDate() takenOn!: IsoDate;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.notes, {
    message: 'notes is longer than the limit of 4,000 characters',
  })
  notes?: string | null;
}

@InputType()
export class RecordWarningInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'incidentId must be an incident id' })
  incidentId!: string;
  @Field(() => String, { description: 'The day the warning was given to the patient.' })
  @IsCalendarDate()
  givenOn!: IsoDate;
  @Field({ description: 'The reasons given to the patient.' })
  @IsString()
  @MaxLength(INCIDENT_LIMITS.reasons, {
    message: 'reasons is longer than the limit of 4,000 characters',
  })
  reasons!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.notes, {
    message: 'notes is longer than the limit of 4,000 characters',
  })
  notes?: string | null;
}

@ArgsType()
export class CheckRemovalArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'incidentId must be an incident id' })
  incidentId!: string;
  @Field(() => String) @IsCalendarDate() requestedOn!: IsoDate;
  @Field({ defaultValue: false }) @IsBoolean() immediate!: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.police, {
    message: 'policeIncidentReference is longer than the limit of 100 characters',
  })
  policeIncidentReference?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'noWarningBecause is longer than the limit of 2,000 characters' })
  noWarningBecause?: string | null;
}

@InputType()
export class RequestRemovalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'incidentId must be an incident id' })
  incidentId!: string;
  @Field(() => String, { description: 'The day the request is made.' })
  @IsCalendarDate()
  requestedOn!: IsoDate;
  @Field({
    description:
      'Immediate removal: only after violence or threatening behaviour reported to the police.',
  })
  @IsBoolean()
  immediate!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The police incident number; required for an immediate removal.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.police, {
    message: 'policeIncidentReference is longer than the limit of 100 characters',
  })
  policeIncidentReference?: string | null;
  @Field({ description: 'The reasons for the removal, as recorded and given to the patient.' })
  @IsString()
  @MaxLength(INCIDENT_LIMITS.reasons, {
    message: 'reasons is longer than the limit of 4,000 characters',
  })
  reasons!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Ordinary removal without a warning: why a warning was unsafe or impracticable.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'noWarningBecause is longer than the limit of 2,000 characters' })
  noWarningBecause?: string | null;
  @Field({
    description:
      'Confirms the request is not a response to the patient having complained, which is never allowed.',
  })
  @Equals(true, {
    message:
      'notBecauseOfComplaint must be confirmed: a removal must never be a response to a complaint',
  })
  notBecauseOfComplaint!: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.notes, {
    message: 'notes is longer than the limit of 4,000 characters',
  })
  notes?: string | null;
}

@ArgsType()
export class IncidentsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'patientId must be a patient id' })
  patientId?: string | null;
  @Field(() => IncidentSeverityEnum, {
    nullable: true,
    description: 'Only incidents at this severity or worse.',
  })
  @IsOptional()
  @IsIn(ALL_INCIDENT_SEVERITIES, {
    message: 'minSeverity must be low, offensive, abusive or threatening',
  })
  minSeverity?: IncidentSeverity | null;
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

@ArgsType()
export class IncidentIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an incident id' }) id!: string;
}

@ArgsType()
export class LinkIncidentPatientArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'incidentId must be an incident id' })
  incidentId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'patientId must be a patient id' }) patientId!: string;
}

@ObjectType({ description: 'A severity level with its description, for forms.' })
export class IncidentSeverityLevel {
  @Field(() => IncidentSeverityEnum) severity!: IncidentSeverity;
  @Field() label!: string;
  @Field() description!: string;
}
