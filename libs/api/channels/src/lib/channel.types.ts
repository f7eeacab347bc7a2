import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CHANNEL_KINDS, type ChannelKind } from '@parley/shared/policy-render';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';

/** Limits of a channel's fields; the database checks the same. */
export const CHANNEL_LIMITS = {
  label: 100,
  policyText: 4000,
  instructions: 1000,
  freeTextAddress: 300,
  channelsPerPractice: 20,
} as const;

/**
 * GraphQL values are the stored ones (`letter_box`…), so the console, the public JSON and the
 * shared renderer all spell a kind the same way.
 */
export const ChannelKindEnum = Object.fromEntries(CHANNEL_KINDS.map((k) => [k, k])) as {
  [K in ChannelKind]: K;
};
registerEnumType(ChannelKindEnum, {
  name: 'ChannelKind',
  description: 'How a patient can reach the practice.',
});

const KIND_MESSAGE = `kind must be one of ${CHANNEL_KINDS.join(', ')}`;

@ObjectType({ description: 'A route for feedback and concerns that the practice offers.' })
export class Channel {
  @Field(() => ID) id!: string;
  @Field(() => ChannelKindEnum) kind!: ChannelKind;
  @Field() label!: string;
  @Field({
    description: "The channel's numbered item in the policy's channel list (inline markup).",
  })
  policyText!: string;
  @Field(() => String, {
    nullable: true,
    description: 'What the public page tells a patient about using it.',
  })
  instructions!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Email address, phone number, https URL or free text, by kind.',
  })
  address!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The link a patient follows (mailto:, tel:, https:), if any.',
  })
  href!: string | null;
  @Field(() => Int) position!: number;
  @Field() enabled!: boolean;
  @Field({
    description: 'False: offered on the public page but not given its own item in the policy.',
  })
  showInPolicy!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@InputType()
export class CreateChannelInput {
  @Field(() => ChannelKindEnum) @IsIn(CHANNEL_KINDS, { message: KIND_MESSAGE }) kind!: ChannelKind;
  @Field()
  @IsString()
  @MinLength(1, { message: 'label is required' })
  @MaxLength(CHANNEL_LIMITS.label, {
    message: `label is longer than the limit of ${CHANNEL_LIMITS.label} characters`,
  })
  label!: string;
  @Field()
  @IsString()
  @MinLength(1, { message: 'policyText is required' })
  @MaxLength(CHANNEL_LIMITS.policyText, {
    message: `policyText is longer than the limit of 4,000 characters`,
  })
  policyText!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CHANNEL_LIMITS.instructions, {
    message: `instructions is longer than the limit of 1,000 characters`,
  })
  instructions?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) address?:
    | string
    | null;
  @Field({ nullable: true, defaultValue: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @Field({ nullable: true, defaultValue: true }) @IsOptional() @IsBoolean() showInPolicy?: boolean;
}

/** Only the fields given change; the address is checked against the resulting kind. */
@InputType()
export class UpdateChannelInput {
  @Field(() => ChannelKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(CHANNEL_KINDS, { message: KIND_MESSAGE })
  kind?: ChannelKind;
  @Field({ nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'label cannot be cleared: send the new label, or leave it out' })
  @MinLength(1, { message: 'label is required' })
  @MaxLength(CHANNEL_LIMITS.label, {
    message: `label is longer than the limit of ${CHANNEL_LIMITS.label} characters`,
  })
  label?: string;
  @Field({ nullable: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'policyText cannot be cleared: send the new text, or leave it out' })
  @MinLength(1, { message: 'policyText is required' })
  @MaxLength(CHANNEL_LIMITS.policyText, {
    message: `policyText is longer than the limit of 4,000 characters`,
  })
  policyText?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CHANNEL_LIMITS.instructions, {
    message: `instructions is longer than the limit of 1,000 characters`,
  })
  instructions?: string | null;
  @Field(() => String, { nullable: true, description: 'Send null or "" to clear it.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() showInPolicy?: boolean;
}

@ArgsType()
export class ChannelIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a channel id' }) id!: string;
}

@ArgsType()
export class UpdateChannelArgs extends ChannelIdArgs {
  @Field(() => UpdateChannelInput)
  @ValidateNested()
  @Type(() => UpdateChannelInput)
  input!: UpdateChannelInput;
}

@ArgsType()
export class ReorderChannelsArgs {
  @Field(() => [ID], { description: 'Every channel id of the practice, in the new order.' })
  @ArrayMinSize(1, { message: 'ids must list the channels' })
  @ArrayMaxSize(CHANNEL_LIMITS.channelsPerPractice, {
    message: `ids lists more than ${CHANNEL_LIMITS.channelsPerPractice} channels`,
  })
  @IsUUID('all', { each: true, message: 'ids must be channel ids' })
  ids!: string[];
}
