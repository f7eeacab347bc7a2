import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { PARLEY_CONFIG, type ParleyConfig } from '@parley/api/core';
import { AccessGuard, JwtPassportGuard } from './access.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { MembershipsService } from './memberships.service';
import { TokensService } from './tokens.service';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [PARLEY_CONFIG],
      useFactory: (config: ParleyConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    AuthService,
    TokensService,
    MembershipsService,
    JwtStrategy,
    JwtPassportGuard,
    AuthResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, TokensService, MembershipsService],
})
export class AuthModule {}
