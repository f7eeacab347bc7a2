import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthPayload, toAuthPayload } from '@parley/api/auth';
import { Allow, Ctx, Public, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { DirectoryService } from './directory.service';
import { InvitationsService } from './invitations.service';
import { PeopleService } from './people.service';
import {
  AcceptInvitationInput,
  CreateIcbInput,
  CreatePracticeInput,
  Icb,
  Invitation,
  InvitationIssued,
  InvitationPreview,
  InviteInput,
  Person,
  Practice,
} from './practices.types';

@ArgsType()
class PracticeManagerInviteArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'practiceId must be a practice id' })
  practiceId!: string;
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;
  @Field() @IsString() @MinLength(1, { message: 'name is required' }) @MaxLength(200) name!: string;
}

@ArgsType()
class IdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id!: string;
}

@ArgsType()
class UserIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'userId must be an id' }) userId!: string;
}

@ArgsType()
class TokenArgs {
  @Field() @IsString() @MaxLength(200) token!: string;
}

@ArgsType()
class IcbFilterArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'icbId must be an ICB id' })
  icbId?: string;
}

/** Platform admins onboard ICBs and practices. */
@Resolver()
export class DirectoryResolver {
  constructor(
    private readonly directory: DirectoryService,
    private readonly invitations: InvitationsService,
  ) {}

  @Query(() => [Icb])
  @Allow(Permission.PlatformManage)
  icbs(@Ctx() ctx: RequestContext): Promise<Icb[]> {
    return this.directory.listIcbs(ctx);
  }

  @Query(() => [Practice])
  @Allow(Permission.PlatformManage)
  practices(@Ctx() ctx: RequestContext, @Args() { icbId }: IcbFilterArgs): Promise<Practice[]> {
    return this.directory.listPractices(ctx, icbId);
  }

  @Mutation(() => Icb)
  @Allow(Permission.PlatformManage)
  createIcb(@Ctx() ctx: RequestContext, @Args('input') input: CreateIcbInput): Promise<Icb> {
    return this.directory.createIcb(ctx, input);
  }

  @Mutation(() => Practice)
  @Allow(Permission.PlatformManage)
  createPractice(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreatePracticeInput,
  ): Promise<Practice> {
    return this.directory.createPractice(ctx, input);
  }

  @Mutation(() => InvitationIssued, {
    description: "Invites a practice's first (or another) manager.",
  })
  @Allow(Permission.PlatformManage)
  invitePracticeManager(
    @Ctx() ctx: RequestContext,
    @Args() args: PracticeManagerInviteArgs,
  ): Promise<InvitationIssued> {
    return this.invitations.invitePracticeManager(ctx, args.practiceId, args.email, args.name);
  }
}

/** Managers look after the people of their practice. */
@Resolver()
export class PeopleResolver {
  constructor(
    private readonly peopleService: PeopleService,
    private readonly invitationsService: InvitationsService,
  ) {}

  @Query(() => [Person])
  @Allow(Permission.PeopleRead)
  people(@Ctx() ctx: RequestContext): Promise<Person[]> {
    return this.peopleService.list(ctx);
  }

  @Query(() => [Invitation])
  @Allow(Permission.PeopleManage)
  invitations(@Ctx() ctx: RequestContext): Promise<Invitation[]> {
    return this.invitationsService.pending(ctx);
  }

  @Mutation(() => InvitationIssued)
  @Allow(Permission.PeopleManage)
  invite(@Ctx() ctx: RequestContext, @Args('input') input: InviteInput): Promise<InvitationIssued> {
    return this.invitationsService.invite(ctx, input.email, input.name, input.role);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.PeopleManage)
  async revokeInvitation(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<boolean> {
    await this.invitationsService.revoke(ctx, id);
    return true;
  }

  @Mutation(() => Boolean)
  @Allow(Permission.PeopleManage)
  async removePerson(@Ctx() ctx: RequestContext, @Args() { userId }: UserIdArgs): Promise<boolean> {
    await this.peopleService.remove(ctx, userId);
    return true;
  }
}

/** The invitation link, used before the person has an account. */
@Resolver()
export class InvitationResolver {
  constructor(private readonly invitations: InvitationsService) {}

  @Query(() => InvitationPreview, { nullable: true })
  @Public()
  invitation(
    @Ctx() ctx: RequestContext,
    @Args() { token }: TokenArgs,
  ): Promise<InvitationPreview | null> {
    return this.invitations.preview(ctx, token);
  }

  @Mutation(() => AuthPayload)
  @Public()
  async acceptInvitation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AcceptInvitationInput,
  ): Promise<AuthPayload> {
    return toAuthPayload(
      await this.invitations.accept(ctx, input.token, input.password, input.name),
    );
  }
}
