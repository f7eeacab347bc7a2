import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import {
  ACCESS_METADATA,
  type AccessDeclaration,
  ForbiddenError,
  RequestContext,
  requestOf,
  UnauthenticatedError,
} from '@parley/api/core';
import { isPracticePermission } from '@parley/shared/domain';
import { randomUUID } from 'node:crypto';
import { MembershipsService } from './memberships.service';
import { UserEntity } from './user.entity';
import { Database } from '@parley/api/core';

/** The header naming the practice a request acts in (for people with several). */
export const PRACTICE_HEADER = 'x-parley-practice';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Passport's JWT check, reading the request from HTTP or GraphQL alike. */
@Injectable()
export class JwtPassportGuard extends AuthGuard('jwt') {
  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user)
      throw new UnauthenticatedError('Your session is not valid or has expired. Sign in again.');
    return user;
  }
}

/**
 * The one global guard. Deny by default: an operation without an @Allow or @Public declaration
 * is refused. Otherwise it authenticates the bearer token, loads the person's memberships,
 * settles the active practice and checks the declared permission, leaving a RequestContext on
 * the request for @Ctx().
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtPassportGuard,
    private readonly memberships: MembershipsService,
    private readonly database: Database,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(
      ACCESS_METADATA,
      [context.getHandler(), context.getClass()],
    );
    if (!declaration)
      throw new ForbiddenError('This operation declares no permission, so it is refused.');

    const request = requestOf(context);
    const requestId = String(request.id ?? randomUUID());
    const headers = (request['headers'] ?? {}) as Record<string, string | string[] | undefined>;
    const hasBearer =
      typeof headers['authorization'] === 'string' &&
      headers['authorization'].startsWith('Bearer ');

    if (declaration.kind === 'public' && !hasBearer) {
      request.parleyContext = RequestContext.anonymous(requestId);
      return true;
    }
    if (!hasBearer) throw new UnauthenticatedError();

    await this.jwt.canActivate(context);
    const { userId } = request['user'] as { userId: string };
    const [user, memberships] = await this.database.run(
      { tenantPracticeId: null },
      async (uow) =>
        [
          await uow.repo(UserEntity).findOneBy({ id: userId }),
          await this.memberships.loadIn(uow, userId),
        ] as const,
    );
    if (!user) throw new UnauthenticatedError('Your account no longer exists.');

    const activePracticeId = this.activePractice(
      headers[PRACTICE_HEADER],
      memberships.map((m) => m.practiceId),
    );
    const ctx = new RequestContext(
      requestId,
      { userId, email: user.email, name: user.name },
      memberships,
      activePracticeId,
    );
    request.parleyContext = ctx;

    if (declaration.kind === 'permission' && !ctx.can(declaration.permission)) {
      if (isPracticePermission(declaration.permission) && !activePracticeId) {
        throw new ForbiddenError(
          'Choose a practice first: send its id in the X-Parley-Practice header.',
        );
      }
      throw new ForbiddenError();
    }
    return true;
  }

  /** The practice named in the header (only if the person belongs to it), else their only one. */
  private activePractice(
    header: string | string[] | undefined,
    practiceIds: (string | null)[],
  ): string | null {
    const mine = [...new Set(practiceIds.filter((id): id is string => id !== null))];
    if (typeof header === 'string' && header !== '') {
      if (!UUID.test(header) || !mine.includes(header.toLowerCase())) {
        throw new ForbiddenError('You are not a member of the practice in X-Parley-Practice.');
      }
      return header.toLowerCase();
    }
    return mine.length === 1 ? mine[0] : null;
  }
}
