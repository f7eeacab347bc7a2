import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ALL_COMPLAINANT_STATUSES,
  ALL_COMPLAINT_OUTCOMES,
  ALL_FEEDBACK_KINDS,
  ALL_FEEDBACK_STATUSES,
  ALL_PATIENT_AGE_BANDS,
  ALL_SENTIMENTS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  type ComplainantStatus,
  type ComplaintOutcome,
  type FeedbackKind,
  type FeedbackStatus,
  type PatientAgeBand,
  type Sentiment,
  type StaffGroup,
  type SubjectArea,
} from '@parley/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from './calendar';
import {
  ComplainantStatusEnum,
  ComplaintOutcomeEnum,
  FeedbackKindEnum,
  FeedbackStatusEnum,
  PatientAgeBandEnum,
  SentimentEnum,
  StaffGroupEnum,
  SubjectAreaEnum,
} from './feedback.enums';

/** Limits of the log's fields; the database checks the same. */
export const FEEDBACK_LIMITS = {
  summary: 4000,
  note: 2000,
  waiverReason: 1000,
  contactName: 200,
  email: 254,
  phone: 40,
  search: 200,
  pageSize: 100,
  fftComment: 4000,
  fftMonths: 36,
  holidayName: 100,
  csvCharacters: 5_000_000,
} as const;

export const NOT_BLANK = /\S/;
/** Digits, spaces, brackets and hyphens, optionally after a +: loose on purpose (people type numbers many ways). */
export const PHONE_PATTERN = /^\+?\d[\d ()-]{5,38}$/;
/** yyyy-mm, years 1900 to 2199: PostgreSQL has no year 0, and nothing here is older or later. */
export const MONTH_PATTERN = /^(19\d{2}|2[01]\d{2})-(0[1-9]|1[0-2])$/;
const list = (values: readonly string[]) => values.join(', ');

@InputType({
  description:
    'KO41(b) coding of a complaint. May be completed later; needed before the complaint is closed.',
})
export class Ko41bCodingInput {
  @Field(() => [SubjectAreaEnum], { defaultValue: [] })
  @ArrayMaxSize(ALL_SUBJECT_AREAS.length)
  @IsIn(ALL_SUBJECT_AREAS, {
    each: true,
    message: `subjectAreas must be among ${list(ALL_SUBJECT_AREAS)}`,
  })
  subjectAreas!: SubjectArea[];
  @Field(() => [StaffGroupEnum], { defaultValue: [] })
  @ArrayMaxSize(ALL_STAFF_GROUPS.length)
  @IsIn(ALL_STAFF_GROUPS, {
    each: true,
    message: `staffGroups must be among ${list(ALL_STAFF_GROUPS)}`,
  })
  staffGroups!: StaffGroup[];
  @Field(() => ComplainantStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ALL_COMPLAINANT_STATUSES, {
    message: `complainantStatus must be one of ${list(ALL_COMPLAINANT_STATUSES)}`,
  })
  complainantStatus?: ComplainantStatus | null;
  @Field(() => PatientAgeBandEnum, { nullable: true })
  @IsOptional()
  @IsIn(ALL_PATIENT_AGE_BANDS, { message: `ageBand must be one of ${list(ALL_PATIENT_AGE_BANDS)}` })
  ageBand?: PatientAgeBand | null;
}

@InputType({
  description: 'Optional contact details; kept apart from the log and shown only to the practice.',
})
export class FeedbackContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_LIMITS.contactName, {
    message: 'name is longer than the limit of 200 characters',
  })
  name?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(FEEDBACK_LIMITS.email, { message: 'email is longer than the limit of 254 characters' })
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, {
    message: 'phone must be a phone number of digits and spaces (e.g. 01625 123456)',
  })
  phone?: string | null;
}

@InputType()
export class LogFeedbackInput {
  @Field(() => ID) @IsUUID('all', { message: 'channelId must be a channel id' }) channelId!: string;
  @Field({ description: 'When the practice received it (not in the future).' })
  @IsDate({ message: 'receivedAt must be a date and time' })
  receivedAt!: Date;
  @Field(() => FeedbackKindEnum)
  @IsIn(ALL_FEEDBACK_KINDS, { message: `kind must be one of ${list(ALL_FEEDBACK_KINDS)}` })
  kind!: FeedbackKind;
  @Field(() => SentimentEnum)
  @IsIn(ALL_SENTIMENTS, { message: `sentiment must be one of ${list(ALL_SENTIMENTS)}` })
  sentiment!: Sentiment;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'summary is required' })
  @MaxLength(FEEDBACK_LIMITS.summary, {
    message: 'summary is longer than the limit of 4,000 characters',
  })
  summary!: string;
  @Field({ defaultValue: false, description: 'Made in person or by phone.' })
  @IsOptional()
  @IsBoolean()
  oral?: boolean;
  @Field(() => Ko41bCodingInput, { nullable: true, description: 'Complaints only.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => Ko41bCodingInput)
  coding?: Ko41bCodingInput | null;
  @Field(() => String, {
    nullable: true,
    description: 'Complaints only: when the matter happened (yyyy-mm-dd).',
  })
  @IsOptional()
  @IsCalendarDate()
  eventOn?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Complaints only: when the complainant became aware of it, if later.',
  })
  @IsOptional()
  @IsCalendarDate()
  awareOn?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Managers only: accept a complaint made after the 12-month time limit, and why.',
  })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'timeLimitWaivedBecause must not be blank' })
  @MaxLength(FEEDBACK_LIMITS.waiverReason, {
    message: 'timeLimitWaivedBecause is longer than the limit of 1,000 characters',
  })
  timeLimitWaivedBecause?: string | null;
  @Field(() => FeedbackContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackContactInput)
  contact?: FeedbackContactInput | null;
}

@InputType({
  description: 'Triage: only the fields given change. Send null for eventOn/awareOn to clear them.',
})
export class UpdateFeedbackInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'channelId must be a channel id' })
  channelId?: string;
  @Field(() => FeedbackKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ALL_FEEDBACK_KINDS, { message: `kind must be one of ${list(ALL_FEEDBACK_KINDS)}` })
  kind?: FeedbackKind;
  @Field(() => SentimentEnum, { nullable: true })
  @IsOptional()
  @IsIn(ALL_SENTIMENTS, { message: `sentiment must be one of ${list(ALL_SENTIMENTS)}` })
  sentiment?: Sentiment;
  @Field({ nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'summary cannot be cleared: send the new summary, or leave it out' })
  @Matches(NOT_BLANK, { message: 'summary is required' })
  @MaxLength(FEEDBACK_LIMITS.summary, {
    message: 'summary is longer than the limit of 4,000 characters',
  })
  summary?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() oral?: boolean;
  @Field(() => Ko41bCodingInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => Ko41bCodingInput)
  coding?: Ko41bCodingInput;
  @Field(() => String, { nullable: true }) @IsOptional() @IsCalendarDate() eventOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsCalendarDate() awareOn?: string | null;
}

@ArgsType()
export class FeedbackIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a feedback item id' }) id!: string;
}

@ArgsType()
export class UpdateFeedbackArgs extends FeedbackIdArgs {
  @Field(() => UpdateFeedbackInput)
  @ValidateNested()
  @Type(() => UpdateFeedbackInput)
  input!: UpdateFeedbackInput;
}

@ArgsType()
export class TransitionFeedbackArgs extends FeedbackIdArgs {
  @Field(() => FeedbackStatusEnum)
  @IsIn(ALL_FEEDBACK_STATUSES, { message: `to must be one of ${list(ALL_FEEDBACK_STATUSES)}` })
  to!: FeedbackStatus;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_LIMITS.note, { message: 'note is longer than the limit of 2,000 characters' })
  note?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The day it happened (yyyy-mm-dd); today when absent.',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string | null;
  @Field(() => ComplaintOutcomeEnum, {
    nullable: true,
    description: 'Required to close a complaint.',
  })
  @IsOptional()
  @IsIn(ALL_COMPLAINT_OUTCOMES, {
    message: `outcome must be one of ${list(ALL_COMPLAINT_OUTCOMES)}`,
  })
  outcome?: ComplaintOutcome | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Required (true) for the final response to a complaint.',
  })
  @IsOptional()
  @IsBoolean()
  phsoInformed?: boolean | null;
}

@ArgsType()
export class MarkResolvedArgs extends FeedbackIdArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The day it was resolved (yyyy-mm-dd); today when absent.',
  })
  @IsOptional()
  @IsCalendarDate()
  resolvedOn?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_LIMITS.note, { message: 'note is longer than the limit of 2,000 characters' })
  note?: string | null;
}

@ArgsType()
export class WaiveTimeLimitArgs extends FeedbackIdArgs {
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'because is required' })
  @MaxLength(FEEDBACK_LIMITS.waiverReason, {
    message: 'because is longer than the limit of 1,000 characters',
  })
  because!: string;
}

@ArgsType()
export class RecordDelayLetterArgs extends FeedbackIdArgs {
  @Field(() => String, { nullable: true, description: 'yyyy-mm-dd; today when absent.' })
  @IsOptional()
  @IsCalendarDate()
  sentOn?: string | null;
}

@InputType()
export class FeedbackFilter {
  @Field(() => FeedbackStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ALL_FEEDBACK_STATUSES)
  status?: FeedbackStatus | null;
  @Field(() => FeedbackKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ALL_FEEDBACK_KINDS)
  kind?: FeedbackKind | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'channelId must be a channel id' })
  channelId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only items with an overdue statutory step; false: only items without.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Words of the summary, the contact name or email, or the reference.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_LIMITS.search, {
    message: 'search is longer than the limit of 200 characters',
  })
  search?: string | null;
}

@ArgsType()
export class FeedbackItemsArgs {
  @Field(() => FeedbackFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackFilter)
  filter?: FeedbackFilter | null;
  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(FEEDBACK_LIMITS.pageSize, { message: 'first must be at most 100' })
  first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?:
    | string
    | null;
}

@ArgsType()
export class ImportComplaintsCsvArgs {
  @Field({
    description:
      'The whole CSV file, header row first. See the import documentation for the columns.',
  })
  @IsString()
  @MaxLength(FEEDBACK_LIMITS.csvCharacters, {
    message: 'csv is longer than the limit of 5,000,000 characters',
  })
  csv!: string;
}
