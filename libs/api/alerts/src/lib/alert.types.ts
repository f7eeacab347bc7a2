import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { IsoDate } from '@parley/shared/domain';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const AlertKind = {
  LadderStepSuggested: 'ladder_step_suggested',
  AcknowledgementOverdue: 'acknowledgement_overdue',
  DelayLetterDue: 'delay_letter_due',
  VolumeThreshold: 'volume_threshold',
  WrittenConfirmationDue: 'written_confirmation_due',
} as const;
export type AlertKind = (typeof AlertKind)[keyof typeof AlertKind];
const ALL_ALERT_KINDS = Object.values(AlertKind);

export const AlertKindEnum = Object.fromEntries(ALL_ALERT_KINDS.map((k) => [k, k])) as {
  [K in AlertKind]: K;
};
registerEnumType(AlertKindEnum, {
  name: 'AlertKind',
  description: 'Why an alert was raised.',
  valuesMap: {
    ladder_step_suggested: {
      description: "An incident crossed a step's trigger on the escalation ladder.",
    },
    acknowledgement_overdue: {
      description: 'A complaint was not acknowledged within the working days set.',
    },
    delay_letter_due: {
      description: 'A complaint has had no response and the delay letter falls due.',
    },
    volume_threshold: {
      description:
        'More negative items (or complaints) than the volume alert allows arrived within its window.',
    },
    written_confirmation_due: {
      description: 'An immediate removal must be confirmed in writing by the due day.',
    },
  },
});

export const AlertSubjectType = {
  Feedback: 'feedback',
  Incident: 'incident',
  Patient: 'patient',
  Practice: 'practice',
} as const;
export type AlertSubjectType = (typeof AlertSubjectType)[keyof typeof AlertSubjectType];
export const AlertSubjectTypeEnum = {
  feedback: 'feedback',
  incident: 'incident',
  patient: 'patient',
  practice: 'practice',
} as const;
registerEnumType(AlertSubjectTypeEnum, {
  name: 'AlertSubjectType',
  description: 'What `subjectId` refers to.',
});

export const AlertStatusEnum = { open: 'open', acknowledged: 'acknowledged' } as const;
export type AlertStatus = keyof typeof AlertStatusEnum;
registerEnumType(AlertStatusEnum, {
  name: 'AlertStatus',
  description: 'open: not yet acknowledged.',
});

@ObjectType({
  description:
    "Raised when one of the practice's thresholds is crossed; a manager acknowledges it.",
})
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => AlertKindEnum) kind!: AlertKind;
  @Field({ description: 'What it is about, in words.' }) subject!: string;
  @Field(() => AlertSubjectTypeEnum) subjectType!: AlertSubjectType;
  @Field(() => ID, {
    nullable: true,
    description: 'The complaint, incident or patient it is about.',
  })
  subjectId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The day something is due by (yyyy-mm-dd), when there is one.',
  })
  due!: IsoDate | null;
  @Field() raisedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Name of the person who acknowledged it.' })
  acknowledgedBy!: string | null;
}

@ObjectType()
export class AlertSweepReport {
  @Field(() => Int) practicesSwept!: number;
  @Field(() => Int, {
    description: 'Practices another process was sweeping, or had swept within the interval.',
  })
  practicesSkipped!: number;
  @Field(() => Int) alertsRaised!: number;
}

@ArgsType()
export class AlertsArgs {
  @Field(() => AlertStatusEnum, { nullable: true, description: 'Both when not given.' })
  @IsOptional()
  @IsIn(Object.values(AlertStatusEnum), { message: 'status must be open or acknowledged' })
  status?: AlertStatus | null;
  @Field(() => Int, { nullable: true, defaultValue: 100 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;
}

@ArgsType()
export class AlertIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an alert id' }) id!: string;
}

/** What raises an alert; `dedupeKey` names the condition so it is raised once. */
export interface AlertDraft {
  kind: AlertKind;
  dedupeKey: string;
  subject: string;
  subjectType: AlertSubjectType;
  subjectId: string | null;
  dueOn: IsoDate | null;
}

/** An alert as it travels to live subscribers. */
export interface AlertEvent {
  practiceId: string;
  alert: Alert;
}
