import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ALL_RETENTION_DECISIONS,
  COMPLAINT_RETENTION,
  type RetentionDecision,
} from '@parley/shared/domain';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NOT_BLANK } from './feedback.inputs';
import { RetentionDecisionEnum } from './retention.types';

const { minYears, maxYears, maxKeepYears, reasonLength } = COMPLAINT_RETENTION;

@InputType()
export class RetentionSettingsInput {
  @Field(() => Int, {
    description: `Years a closed complaint is kept before it is reviewed (${minYears} to ${maxYears}).`,
  })
  @IsInt({ message: 'retentionYears must be a whole number of years' })
  @Min(minYears, {
    message: `retentionYears must be at least ${minYears}: the NHS Records Management Code keeps complaint records ${minYears} years after closure`,
  })
  @Max(maxYears, { message: `retentionYears must be at most ${maxYears}` })
  retentionYears!: number;
}

@InputType()
export class RecordRetentionReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'feedbackId must be a feedback item id' })
  feedbackId!: string;
  @Field(() => RetentionDecisionEnum)
  @IsIn(ALL_RETENTION_DECISIONS, {
    message: `decision must be one of ${ALL_RETENTION_DECISIONS.join(', ')}`,
  })
  decision!: RetentionDecision;
  @Field(() => Int, {
    nullable: true,
    description: `keep only: how many more years (1 to ${maxKeepYears}) before the next review.`,
  })
  @IsOptional()
  @IsInt({ message: 'keepYears must be a whole number of years' })
  @Min(1, { message: 'keepYears must be at least 1' })
  @Max(maxKeepYears, { message: `keepYears must be at most ${maxKeepYears}` })
  keepYears?: number | null;
  @Field({ description: 'Why: recorded with the decision.' })
  @IsString({ message: 'reason is required' })
  @Matches(NOT_BLANK, { message: 'reason is required' })
  @MaxLength(reasonLength, { message: 'reason is longer than the limit of 2,000 characters' })
  reason!: string;
}

@ArgsType()
export class RetentionReviewArgs {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'true: only records awaiting a decision.',
  })
  @IsBoolean()
  onlyDue!: boolean;
  @Field(() => Int, { defaultValue: 25 })
  @IsInt({ message: 'first must be a whole number' })
  @Min(1, { message: 'first must be at least 1' })
  @Max(100, { message: 'first must be at most 100' })
  first!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'after is not a cursor from this list.' })
  after?: string | null;
}
