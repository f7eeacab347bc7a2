import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  PARLEY_CONFIG,
  type ParleyConfig,
  type UnitOfWork,
  UnauthenticatedError,
} from '@parley/api/core';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface AccessTokenClaims {
  sub: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type RotationResult =
  | { ok: true; userId: string; tokens: IssuedTokens }
  | { ok: false; error: UnauthenticatedError };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Short-lived JWT access tokens (stateless: any API node can check them) and opaque refresh
 * tokens that rotate on every use. Presenting an already-rotated refresh token revokes its whole
 * family: somebody else has a copy.
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  async issue(
    uow: UnitOfWork,
    userId: string,
    familyId: string = randomUUID(),
  ): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await uow.repo(RefreshTokenEntity).insert({
      userId,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
      revokedAt: null,
    });
    const accessToken = await this.jwt.signAsync({ sub: userId } satisfies AccessTokenClaims, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /**
   * Exchanges a refresh token for new tokens. Failures are returned, not thrown, so that the
   * revocation of a reused token's family commits; the caller throws afterwards.
   */
  async rotate(uow: UnitOfWork, refreshToken: string): Promise<RotationResult> {
    const repo = uow.repo(RefreshTokenEntity);
    const stored = await repo.findOne({
      where: { tokenHash: hashToken(refreshToken) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!stored || stored.expiresAt.getTime() <= Date.now()) {
      return {
        ok: false,
        error: new UnauthenticatedError('Your session has expired. Sign in again.'),
      };
    }
    if (stored.revokedAt) {
      await this.revokeFamily(uow, stored.familyId);
      return {
        ok: false,
        error: new UnauthenticatedError('This session was ended. Sign in again.'),
      };
    }
    await repo.update({ id: stored.id }, { revokedAt: new Date() });
    return {
      ok: true,
      userId: stored.userId,
      tokens: await this.issue(uow, stored.userId, stored.familyId),
    };
  }

  /** Ends the sign-in the token belongs to (all its rotations). Unknown tokens are ignored. */
  async revoke(uow: UnitOfWork, refreshToken: string): Promise<void> {
    const stored = await uow
      .repo(RefreshTokenEntity)
      .findOne({ where: { tokenHash: hashToken(refreshToken) } });
    if (stored) await this.revokeFamily(uow, stored.familyId);
  }

  async revokeAllForUser(uow: UnitOfWork, userId: string): Promise<void> {
    await uow
      .repo(RefreshTokenEntity)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(uow: UnitOfWork, familyId: string): Promise<void> {
    await uow
      .repo(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
