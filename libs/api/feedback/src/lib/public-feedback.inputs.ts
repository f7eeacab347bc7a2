import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ALL_FEEDBACK_KINDS, type FeedbackKind } from '@parley/shared/domain';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { FeedbackKindEnum } from './feedback.enums';
import { FEEDBACK_LIMITS, PHONE_PATTERN } from './feedback.inputs';

/**
 * What the public online form sends: the JSON body of `POST /public/practices/:slug/feedback` and
 * the input of `submitPublicFeedback`. Unknown fields are refused, naming the field.
 */
@InputType()
export class PublicFeedbackInput {
  @Field()
  @IsString({ message: 'message is required' })
  @Matches(/\S/, { message: 'message is required' })
  @MaxLength(FEEDBACK_LIMITS.summary, {
    message: 'message is longer than the limit of 4,000 characters',
  })
  message!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString({ message: 'name must be text' })
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

  @Field(() => FeedbackKindEnum, {
    nullable: true,
    description: 'What the person says it is; a complaint when absent.',
  })
  @IsOptional()
  @IsIn(ALL_FEEDBACK_KINDS, { message: `kind must be one of ${ALL_FEEDBACK_KINDS.join(', ')}` })
  kind?: FeedbackKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Leave empty. Hidden from people; only robots fill it in.',
  })
  @IsOptional()
  @IsString({ message: 'website must be text' })
  @MaxLength(2000, { message: 'website is too long' })
  website?: string | null;
}

@ArgsType()
export class SubmitPublicFeedbackArgs {
  @Field() @IsString() @MaxLength(80) practiceSlug!: string;
  @Field(() => PublicFeedbackInput)
  @ValidateNested()
  @Type(() => PublicFeedbackInput)
  input!: PublicFeedbackInput;
  @Field(() => String, {
    nullable: true,
    description: 'The same key retried returns the first receipt and never logs twice.',
  })
  @IsOptional()
  @IsString()
  idempotencyKey?: string | null;
}
