export * from './lib/auth.module';
export * from './lib/auth.service';
export * from './lib/auth.types';
export * from './lib/auth.resolver';
export * from './lib/access.guard';
export * from './lib/memberships.service';
export * from './lib/passwords';
export * from './lib/tokens.service';
export * from './lib/user.entity';
export * from './lib/membership.entity';
export * from './lib/refresh-token.entity';

import { MembershipEntity } from './lib/membership.entity';
import { RefreshTokenEntity } from './lib/refresh-token.entity';
import { UserEntity } from './lib/user.entity';

export const AUTH_ENTITIES = [UserEntity, MembershipEntity, RefreshTokenEntity];
