import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { PARLEY_CONFIG, type ParleyConfig } from '@parley/api/core';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims } from './tokens.service';

/** Passport's JWT strategy: checks signature and expiry of the bearer token. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(PARLEY_CONFIG) config: ParleyConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): { userId: string } {
    return { userId: claims.sub };
  }
}
