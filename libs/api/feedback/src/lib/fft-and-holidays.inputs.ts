import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ALL_FFT_RATINGS, type FftRating } from '@parley/shared/domain';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from './calendar';
import { FftRatingEnum } from './feedback.enums';
import { FEEDBACK_LIMITS, MONTH_PATTERN, NOT_BLANK } from './feedback.inputs';

/** Inputs of the Friends and Family Test and of the bank-holiday calendar. */

@InputType()
export class RecordFftResponseInput {
  @Field(() => FftRatingEnum)
  @IsIn(ALL_FFT_RATINGS, { message: `rating must be one of ${ALL_FFT_RATINGS.join(', ')}` })
  rating!: FftRating;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_LIMITS.fftComment, {
    message: 'comment is longer than the limit of 4,000 characters',
  })
  comment?: string | null;
  @Field({ description: 'yyyy-mm-dd' }) @IsCalendarDate() respondedOn!: string;
}

@ArgsType()
export class FftMonthlyCountsArgs {
  @Field({ description: 'First month, yyyy-mm.' })
  @Matches(MONTH_PATTERN, { message: 'from must be a month written yyyy-mm, 1900-01 to 2199-12' })
  from!: string;
  @Field({ description: 'Last month, yyyy-mm (at most 36 months after from).' })
  @Matches(MONTH_PATTERN, { message: 'to must be a month written yyyy-mm, 1900-01 to 2199-12' })
  to!: string;
}

@ArgsType()
export class FftResponsesArgs {
  @Field({ description: 'yyyy-mm' })
  @Matches(MONTH_PATTERN, { message: 'month must be a month written yyyy-mm, 1900-01 to 2199-12' })
  month!: string;
}

@ArgsType()
export class BankHolidaysArgs {
  @Field(() => Int, { nullable: true, description: 'Only this year; all years when absent.' })
  @IsOptional()
  @IsInt()
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number | null;
}

@ArgsType()
export class AddBankHolidayArgs {
  @Field({ description: 'yyyy-mm-dd, a weekday.' }) @IsCalendarDate() date!: string;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'name is required' })
  @MaxLength(FEEDBACK_LIMITS.holidayName, {
    message: 'name is longer than the limit of 100 characters',
  })
  name!: string;
}
