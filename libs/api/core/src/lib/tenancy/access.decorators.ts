import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Permission } from '@parley/shared/domain';
import type { RequestContext } from './request-context';

export const ACCESS_METADATA = 'parley:access';

/** What an operation declares: a permission, or that it is public. */
export type AccessDeclaration = { kind: 'public' } | { kind: 'permission'; permission: Permission };

/** The operation needs this permission (practice permissions: in the active practice). */
export const Allow = (permission: Permission) =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessDeclaration);

/** Anyone may call the operation, signed in or not. Must be said explicitly. */
export const Public = () =>
  SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);

export interface ParleyRequest {
  id?: string | number;
  parleyContext?: RequestContext;
}

export function requestOf(context: ExecutionContext): ParleyRequest & Record<string, unknown> {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{
      req: ParleyRequest & Record<string, unknown>;
    }>().req;
  }
  return context.switchToHttp().getRequest();
}

/** Injects the request's context (built by the global guard) into a resolver or route. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const ctx = requestOf(context).parleyContext;
  if (!ctx) throw new Error('The request context was not built: is the access guard installed?');
  return ctx;
});
