import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PlaceSummary } from '@parley/api/auth';
import { Role } from '@parley/shared/domain';
import {
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
  MinLength,
} from 'class-validator';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MESSAGE =
  'slug must be lowercase letters, digits and single hyphens (e.g. wilmslow-health-centre)';

@ObjectType()
export class Icb {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => Int) practiceCount!: number;
}

@ObjectType()
export class Practice {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => Int, { description: 'Registered patients, for rates per 1,000.' }) listSize!: number;
  @Field(() => String, { nullable: true }) odsCode!: string | null;
  @Field(() => PlaceSummary) icb!: PlaceSummary;
}

@ObjectType()
export class Person {
  @Field(() => ID) userId!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field() since!: Date;
}

@ObjectType()
export class Invitation {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class InvitationIssued {
  @Field(() => Invitation) invitation!: Invitation;
  @Field({ description: 'True when the link was emailed (SMTP_URL set).' }) emailed!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The single-use link to pass on, when it was not emailed.',
  })
  acceptUrl!: string | null;
}

@ObjectType()
export class InvitationPreview {
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field() placeName!: string;
  @Field() expiresAt!: Date;
}

@InputType()
export class CreateIcbInput {
  @Field() @IsString() @MinLength(3) @MaxLength(200) name!: string;
  @Field() @IsString() @MaxLength(80) @Matches(SLUG, { message: SLUG_MESSAGE }) slug!: string;
}

@InputType()
export class CreatePracticeInput {
  @Field() @IsString() @MinLength(3) @MaxLength(200) name!: string;
  @Field() @IsString() @MaxLength(80) @Matches(SLUG, { message: SLUG_MESSAGE }) slug!: string;
  @Field(() => ID) @IsUUID('all', { message: 'icbId must be an ICB id' }) icbId!: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'listSize must be at least 1' })
  @Max(1_000_000, { message: 'listSize must be at most 1,000,000' })
  listSize!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9]{3,10}$/, {
    message: 'odsCode must be 3 to 10 capital letters or digits (e.g. N81046)',
  })
  odsCode?: string | null;
}

@InputType()
export class InviteInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
  @Field() @IsString() @MinLength(1, { message: 'name is required' }) @MaxLength(200) name!: string;
  @Field(() => Role)
  @IsIn([Role.PracticeManager, Role.PracticeStaff], {
    message: 'role must be PracticeManager or PracticeStaff',
  })
  role!: Role;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @MinLength(20) @MaxLength(200) token!: string;
  @Field() @IsString() @MaxLength(200) password!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;
}
