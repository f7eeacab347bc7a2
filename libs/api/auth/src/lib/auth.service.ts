import { Injectable } from '@nestjs/common';
import {
  Database,
  RateLimitedError,
  type RequestContext,
  UnauthenticatedError,
} from '@parley/api/core';
import { MembershipsService, type MembershipWithNames } from './memberships.service';
import { verifyPassword } from './passwords';
import { TokensService, type IssuedTokens } from './tokens.service';
import { UserEntity } from './user.entity';

/** After this many failures in a row an account is locked, for longer each time. */
export const FAILED_SIGN_INS_BEFORE_LOCK = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

const WRONG_CREDENTIALS = 'The email or password is not correct.';

export interface SignedIn {
  tokens: IssuedTokens;
  user: UserEntity;
  memberships: MembershipWithNames[];
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly tokens: TokensService,
    private readonly memberships: MembershipsService,
  ) {}

  /**
   * Same message for an unknown email and a wrong password. Repeated failures lock the account
   * for a growing time (1, 2, 4 … 60 minutes).
   */
  async login(ctx: RequestContext, email: string, password: string): Promise<SignedIn> {
    const outcome = await this.database.run(ctx, async (uow) => {
      const users = uow.repo(UserEntity);
      const user = await users.findOne({
        where: { email: normaliseEmail(email) },
        lock: { mode: 'pessimistic_write' },
      });
      if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
        return {
          kind: 'locked' as const,
          seconds: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000),
        };
      }
      const valid = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !valid) {
        if (user) {
          const failures = user.failedSignIns + 1;
          const lockMs =
            failures >= FAILED_SIGN_INS_BEFORE_LOCK
              ? Math.min(BASE_LOCK_MS * 2 ** (failures - FAILED_SIGN_INS_BEFORE_LOCK), MAX_LOCK_MS)
              : 0;
          await users.update(
            { id: user.id },
            { failedSignIns: failures, lockedUntil: lockMs ? new Date(Date.now() + lockMs) : null },
          );
        }
        return { kind: 'wrong' as const };
      }
      await users.update({ id: user.id }, { failedSignIns: 0, lockedUntil: null });
      const tokens = await this.tokens.issue(uow, user.id);
      return {
        kind: 'ok' as const,
        signedIn: { tokens, user, memberships: await this.memberships.loadIn(uow, user.id) },
      };
    });
    if (outcome.kind === 'locked') throw new RateLimitedError(outcome.seconds);
    if (outcome.kind === 'wrong') throw new UnauthenticatedError(WRONG_CREDENTIALS);
    return outcome.signedIn;
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<SignedIn> {
    const outcome = await this.database.run(ctx, async (uow) => {
      const rotation = await this.tokens.rotate(uow, refreshToken);
      if (!rotation.ok) return rotation;
      const user = await uow.repo(UserEntity).findOneByOrFail({ id: rotation.userId });
      return {
        ok: true as const,
        signedIn: {
          tokens: rotation.tokens,
          user,
          memberships: await this.memberships.loadIn(uow, user.id),
        },
      };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.signedIn;
  }

  logout(ctx: RequestContext, refreshToken: string): Promise<void> {
    return this.database.run(ctx, (uow) => this.tokens.revoke(uow, refreshToken));
  }

  async me(ctx: RequestContext): Promise<{ user: UserEntity; memberships: MembershipWithNames[] }> {
    const userId = ctx.userId;
    if (!userId) throw new UnauthenticatedError();
    return this.database.run(ctx, async (uow) => {
      const user = await uow.repo(UserEntity).findOneBy({ id: userId });
      if (!user) throw new UnauthenticatedError();
      return { user, memberships: await this.memberships.loadIn(uow, userId) };
    });
  }
}
