import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ALL_ESCALATION_STEP_KINDS,
  ALL_INCIDENT_SEVERITIES,
  type EscalationStepKind,
  type IncidentSeverity,
} from '@parley/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  EscalationStepKindEnum,
  IncidentSeverityEnum,
  VolumeAlertOfEnum,
} from './escalation.enums';

@ObjectType({
  description:
    'When a step is suggested: incidents of a severity or worse, how many, within how many days.',
})
export class EscalationTrigger {
  @Field(() => IncidentSeverityEnum, {
    nullable: true,
    description: 'Counted severity and worse; offensive when not set.',
  })
  minSeverity!: IncidentSeverity | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Incidents linked to the same patient; 1 when not set.',
  })
  incidentCount!: number | null;
  @Field(() => Int, { nullable: true, description: 'Window in days; any time when not set.' })
  withinDays!: number | null;
}

@ObjectType({ description: 'One rung of the ladder for offensive posts.' })
export class EscalationStep {
  @Field(() => Int, { description: 'Place on the ladder, from 1.' }) position!: number;
  @Field(() => EscalationStepKindEnum) kind!: EscalationStepKind;
  @Field({ description: 'The step in words, e.g. "Formal warning, with reasons".' }) label!: string;
  @Field(() => EscalationTrigger) trigger!: EscalationTrigger;
  @Field({
    description:
      'The trigger in words, e.g. "2 incidents of severity Abusive or worse within 90 days".',
  })
  triggerDescription!: string;
}

@ObjectType('RemovalRules', {
  description: 'Rules for removal from the practice list; the law sets the outer limits.',
})
export class RemovalRulesView {
  @Field(() => Int, {
    description: 'A warning supports a removal request for this many months (at most 12).',
  })
  warningValidMonths!: number;
  @Field(() => Int, {
    description: 'Immediate removal: written confirmation due within this many days (at most 7).',
  })
  writtenConfirmationDays!: number;
  @Field({
    description:
      'Whether an ordinary removal may go ahead without a warning when one would have been unsafe or impracticable (reasons recorded).',
  })
  allowRemovalWithoutWarningWhenUnsafe!: boolean;
  @Field(() => Int, {
    description: 'Fixed by law: an ordinary removal takes effect on this day after the request.',
  })
  effectiveOnDay!: number;
}

@ObjectType({ description: 'The statutory complaint clocks as the practice runs them.' })
export class ComplaintClockSettings {
  @Field(() => Int, { description: 'Acknowledge within this many working days (1 to 3).' })
  ackWorkingDays!: number;
  @Field(() => Int, {
    description: "The practice's own target for a full response, in working days.",
  })
  responseTargetWorkingDays!: number;
  @Field(() => Int, {
    description:
      'Write to explain the delay when this many months pass without a response (at most 6).',
  })
  delayLetterMonths!: number;
  @Field(() => Int, {
    description: 'Months from the event (or becoming aware of it) to complain (at least 12).',
  })
  timeLimitMonths!: number;
}

@ObjectType({ description: 'Alert the practice when this many items arrive within the window.' })
export class VolumeAlertSettings {
  @Field(() => Int) count!: number;
  @Field(() => Int) withinDays!: number;
  @Field(() => VolumeAlertOfEnum) of!: 'negative' | 'complaints';
}

@ObjectType({ description: "A version of the practice's escalation thresholds." })
export class EscalationSettings {
  @Field(() => Int, { description: '0 while the practice runs on the defaults (never saved).' })
  version!: number;
  @Field({ description: 'True when these are the defaults, not yet saved by the practice.' })
  isDefault!: boolean;
  @Field(() => [EscalationStep]) ladder!: EscalationStep[];
  @Field(() => RemovalRulesView) removalRules!: RemovalRulesView;
  @Field(() => ComplaintClockSettings) clocks!: ComplaintClockSettings;
  @Field(() => VolumeAlertSettings) volumeAlert!: VolumeAlertSettings;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date, { nullable: true }) savedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Name of the person who saved this version.',
  })
  savedBy!: string | null;
}

@InputType()
export class EscalationTriggerInput {
  @Field(() => IncidentSeverityEnum, { nullable: true })
  @IsOptional()
  @IsIn(ALL_INCIDENT_SEVERITIES, {
    message: 'minSeverity must be low, offensive, abusive or threatening',
  })
  minSeverity?: IncidentSeverity | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'incidentCount must be a whole number' })
  incidentCount?: number | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'withinDays must be a whole number' })
  withinDays?: number | null;
}

@InputType()
export class EscalationStepInput {
  @Field(() => EscalationStepKindEnum)
  @IsIn(ALL_ESCALATION_STEP_KINDS, {
    message: `kind must be one of ${ALL_ESCALATION_STEP_KINDS.join(', ')}`,
  })
  kind!: EscalationStepKind;
  @Field(() => EscalationTriggerInput)
  @ValidateNested()
  @Type(() => EscalationTriggerInput)
  trigger!: EscalationTriggerInput;
}

@InputType()
export class RemovalRulesInput {
  @Field(() => Int)
  @IsInt({ message: 'warningValidMonths must be a whole number' })
  warningValidMonths!: number;
  @Field(() => Int)
  @IsInt({ message: 'writtenConfirmationDays must be a whole number' })
  writtenConfirmationDays!: number;
  @Field() @IsBoolean() allowRemovalWithoutWarningWhenUnsafe!: boolean;
}

@InputType()
export class ComplaintClockSettingsInput {
  @Field(() => Int)
  @IsInt({ message: 'ackWorkingDays must be a whole number' })
  ackWorkingDays!: number;
  @Field(() => Int)
  @IsInt({ message: 'responseTargetWorkingDays must be a whole number' })
  responseTargetWorkingDays!: number;
  @Field(() => Int)
  @IsInt({ message: 'delayLetterMonths must be a whole number' })
  delayLetterMonths!: number;
  @Field(() => Int)
  @IsInt({ message: 'timeLimitMonths must be a whole number' })
  timeLimitMonths!: number;
}

@InputType()
export class VolumeAlertSettingsInput {
  @Field(() => Int) @IsInt({ message: 'count must be a whole number' }) count!: number;
  @Field(() => Int) @IsInt({ message: 'withinDays must be a whole number' }) withinDays!: number;
  @Field(() => VolumeAlertOfEnum)
  @IsIn(['negative', 'complaints'], { message: 'of must be negative or complaints' })
  of!: 'negative' | 'complaints';
}

/** The whole settings, saved as a new version. The legal limits are checked by the service. */
@InputType()
export class SaveEscalationSettingsInput {
  @Field(() => [EscalationStepInput])
  @ArrayMaxSize(ALL_ESCALATION_STEP_KINDS.length, {
    message: 'ladder has at most one step of each kind',
  })
  @ValidateNested({ each: true })
  @Type(() => EscalationStepInput)
  ladder!: EscalationStepInput[];
  @Field(() => RemovalRulesInput)
  @ValidateNested()
  @Type(() => RemovalRulesInput)
  removalRules!: RemovalRulesInput;
  @Field(() => ComplaintClockSettingsInput)
  @ValidateNested()
  @Type(() => ComplaintClockSettingsInput)
  clocks!: ComplaintClockSettingsInput;
  @Field(() => VolumeAlertSettingsInput)
  @ValidateNested()
  @Type(() => VolumeAlertSettingsInput)
  volumeAlert!: VolumeAlertSettingsInput;
  @Field(() => String, { nullable: true, description: 'Why the change was made, for the history.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500, { message: 'note is longer than the limit of 500 characters' })
  note?: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The version the edit started from; refused when someone has saved since (0 for the defaults).',
  })
  @IsOptional()
  @IsInt()
  basedOnVersion?: number | null;
}
