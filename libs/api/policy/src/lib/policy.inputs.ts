import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { InputError } from '@parley/api/core';
import {
  type PolicyBlockType,
  type PolicyDocument,
  validatePolicyDocument,
} from '@parley/shared/policy-render';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { POLICY_BLOCK_TYPES, PolicyBlockTypeEnum } from './policy.types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_MESSAGE = 'effectiveDate must be a date written yyyy-mm-dd';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Shapes only: the limits (and their messages naming path and limit) are validatePolicyDocument's.
@InputType()
export class PolicyBlockInput {
  @Field(() => PolicyBlockTypeEnum)
  @IsIn(POLICY_BLOCK_TYPES, { message: `type must be one of ${POLICY_BLOCK_TYPES.join(', ')}` })
  type!: PolicyBlockType;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() text?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  items?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() intro?: string | null;
}

@InputType()
export class PolicyDocumentInput {
  @Field() @IsString() title!: string;
  @Field(() => [PolicyBlockInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PolicyBlockInput)
  blocks!: PolicyBlockInput[];
}

@InputType()
export class SaveDraftInput {
  @Field(() => PolicyDocumentInput)
  @ValidateNested()
  @Type(() => PolicyDocumentInput)
  document!: PolicyDocumentInput;
  @Field({ description: 'yyyy-mm-dd' })
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  effectiveDate!: string;
}

@ArgsType()
export class PolicyPreviewArgs {
  @Field(() => PolicyDocumentInput)
  @ValidateNested()
  @Type(() => PolicyDocumentInput)
  document!: PolicyDocumentInput;
  @Field({ description: 'yyyy-mm-dd' })
  @Matches(ISO_DATE, { message: ISO_DATE_MESSAGE })
  effectiveDate!: string;
}

@ArgsType()
export class PolicyVersionIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a policy version id' }) id!: string;
}

@ArgsType()
export class StartDraftArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'versionId must be a policy version id' })
  versionId!: string;
}

@ArgsType()
export class PolicyDiffArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'fromId must be a policy version id' })
  fromId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'toId must be a policy version id' }) toId!: string;
}

@ArgsType()
export class PublishDraftArgs {
  @Field(() => ID, {
    description: 'The draft the manager reviewed; refused if the draft has changed identity since.',
  })
  @IsUUID('all', { message: 'expectedDraftId must be a policy version id' })
  expectedDraftId!: string;
}

@ArgsType()
export class PublicPolicyArgs {
  @Field() @IsString() @MaxLength(80) practiceSlug!: string;
}

export function isPracticeSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value);
}

/** Anything shaped like a document: the GraphQL input or a document from the shared library. */
export type DocumentLike = PolicyDocumentInput | PolicyDocument;

/**
 * The stored form of a document: nulls and absent fields dropped, then checked against the
 * shared limits. Throws an InputError naming the path (e.g. `document.blocks[2].text`) and limit.
 */
export function toPolicyDocument(input: DocumentLike): PolicyDocument {
  const plain = {
    title: input.title,
    blocks: (input.blocks ?? []).map((block) =>
      withoutEmpty(block as unknown as Record<string, unknown>),
    ),
  };
  const result = validatePolicyDocument(plain);
  if (result.ok) return result.document;
  const [first, ...rest] = result.errors;
  const more = rest.length
    ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`
    : '';
  const message =
    first.path && first.message.startsWith(first.path)
      ? `document.${first.message}`
      : first.message;
  throw new InputError(`${message}${more}`, first.path ? `document.${first.path}` : 'document');
}

/** Checks that an effective date is a real calendar date; returns it. */
export function checkEffectiveDate(value: string): string {
  const match = ISO_DATE.exec(value) ? value.split('-').map(Number) : null;
  if (!match) throw new InputError(ISO_DATE_MESSAGE, 'effectiveDate');
  const [year, month, day] = match;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1990 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InputError(`effectiveDate ${value} is not a real date`, 'effectiveDate');
  }
  return value;
}

function withoutEmpty(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined));
}
