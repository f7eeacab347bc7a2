import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Public, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import { LoginArgs, RefreshTokenArgs } from './auth.inputs';
import { AuthService, type SignedIn } from './auth.service';
import { AuthPayload, Me } from './auth.types';
import type { MembershipWithNames } from './memberships.service';
import type { UserEntity } from './user.entity';

export function toMe(user: UserEntity, memberships: MembershipWithNames[]): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: memberships.map((m) => ({
      role: m.role,
      practice: m.practiceId
        ? { id: m.practiceId, name: m.practiceName ?? '', slug: m.practiceSlug ?? '' }
        : null,
      icb: m.icbId ? { id: m.icbId, name: m.icbName ?? '', slug: m.icbSlug ?? '' } : null,
    })),
  };
}

export function toAuthPayload(signedIn: SignedIn): AuthPayload {
  return { ...signedIn.tokens, user: toMe(signedIn.user, signedIn.memberships) };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Sign in with email and password.' })
  @Public()
  async login(
    @Ctx() ctx: RequestContext,
    @Args() { email, password }: LoginArgs,
  ): Promise<AuthPayload> {
    return toAuthPayload(await this.auth.login(ctx, email, password));
  }

  @Mutation(() => AuthPayload, {
    description: 'New tokens for a refresh token; the old one stops working.',
  })
  @Public()
  async refresh(
    @Ctx() ctx: RequestContext,
    @Args() { refreshToken }: RefreshTokenArgs,
  ): Promise<AuthPayload> {
    return toAuthPayload(await this.auth.refresh(ctx, refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Ends the sign-in this refresh token belongs to.' })
  @Public()
  async logout(
    @Ctx() ctx: RequestContext,
    @Args() { refreshToken }: RefreshTokenArgs,
  ): Promise<boolean> {
    await this.auth.logout(ctx, refreshToken);
    return true;
  }

  @Query(() => Me, { description: 'The signed-in person and their memberships.' })
  @Allow(Permission.Authenticated)
  async me(@Ctx() ctx: RequestContext): Promise<Me> {
    const { user, memberships } = await this.auth.me(ctx);
    return toMe(user, memberships);
  }
}
