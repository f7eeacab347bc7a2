import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { InsightsPeriod } from './insights.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A finite number with at most `places` decimals. (class-validator's own `maxDecimalPlaces`
 * throws on numbers it prints in exponent form, such as 1e-10 or 5e-324.)
 */
function IsDecimal(places: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimal',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Number(value.toFixed(places)) === value,
      },
    },
    options,
  );
}
const FINANCIAL_YEAR = /^\d{4}-\d{2}$/;

@ArgsType()
export class IcbArgs {
  @Field(() => ID) @IsUUID('all', { message: 'icbId must be an ICB id' }) icbId!: string;
}

@ArgsType()
export class TrendsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'icbId must be an ICB id' }) icbId!: string;
  @Field(() => InsightsPeriod)
  @IsIn(Object.values(InsightsPeriod), {
    message: 'period must be MONTH, QUARTER or FINANCIAL_YEAR',
  })
  period!: InsightsPeriod;
  @Field({ description: 'yyyy-mm-dd; the trend starts with the month it falls in.' })
  @Matches(DATE, { message: 'from must be a date (yyyy-mm-dd)' })
  from!: string;
  @Field({ description: 'yyyy-mm-dd; the trend ends with the month it falls in.' })
  @Matches(DATE, { message: 'to must be a date (yyyy-mm-dd)' })
  to!: string;
  @Field(() => ID, { nullable: true, description: 'Drill down to one practice of the ICB.' })
  @IsOptional()
  @IsUUID('all', { message: 'practiceId must be a practice id' })
  practiceId?: string | null;
}

@ArgsType()
export class Ko41bArgs {
  @Field(() => ID) @IsUUID('all', { message: 'icbId must be an ICB id' }) icbId!: string;
  @Field({ description: 'yyyy-yy, e.g. 2025-26 (1 April 2025 – 31 March 2026).' })
  @Matches(FINANCIAL_YEAR, { message: 'financialYear must look like 2025-26' })
  financialYear!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'practiceId must be a practice id' })
  practiceId?: string | null;
}

@InputType()
export class IcbThresholdsInput {
  @Field(() => ID) @IsUUID('all', { message: 'icbId must be an ICB id' }) icbId!: string;
  @Field(() => Float, { nullable: true, description: 'Null: do not flag on the complaint rate.' })
  @IsOptional()
  @IsDecimal(2, {
    message: 'maxComplaintsPer1000PerYear must be a number with at most 2 decimals',
  })
  @Min(0, { message: 'maxComplaintsPer1000PerYear must be 0 or more' })
  @Max(999999, { message: 'maxComplaintsPer1000PerYear is too large' })
  maxComplaintsPer1000PerYear?: number | null;
  @Field(() => Float, { nullable: true, description: 'Null: do not flag on acknowledgement.' })
  @IsOptional()
  @IsDecimal(2, { message: 'minAckWithin3DaysPercent must be a number with at most 2 decimals' })
  @Min(0, { message: 'minAckWithin3DaysPercent must be between 0 and 100' })
  @Max(100, { message: 'minAckWithin3DaysPercent must be between 0 and 100' })
  minAckWithin3DaysPercent?: number | null;
}

/** Query string of the CSV routes (validated like GraphQL arguments). */
export class Ko41bCsvQuery {
  @IsUUID('all', { message: 'icbId must be an ICB id' }) icbId!: string;
  @Matches(FINANCIAL_YEAR, { message: 'financialYear must look like 2025-26' })
  financialYear!: string;
  @IsOptional() @IsUUID('all', { message: 'practiceId must be a practice id' }) practiceId?: string;
}

export class TrendsCsvQuery {
  @IsUUID('all', { message: 'icbId must be an ICB id' }) icbId!: string;
  @IsIn(Object.values(InsightsPeriod), {
    message: 'period must be MONTH, QUARTER or FINANCIAL_YEAR',
  })
  period!: InsightsPeriod;
  @Matches(DATE, { message: 'from must be a date (yyyy-mm-dd)' }) from!: string;
  @Matches(DATE, { message: 'to must be a date (yyyy-mm-dd)' }) to!: string;
  @IsOptional() @IsUUID('all', { message: 'practiceId must be a practice id' }) practiceId?: string;
}
