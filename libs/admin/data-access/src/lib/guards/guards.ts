import { inject } from '@angular/core';
import { type ActivatedRouteSnapshot, type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@parley/shared/domain';
import { SessionStore } from '../session/session.store';

/** Only for signed-in people; others go to /sign-in and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(SessionStore).signedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page is for signed-out people; signed-in ones continue to where they were going. */
export const signedOutGuard: CanActivateFn = (route) => {
  if (!inject(SessionStore).signedIn()) return true;
  return inject(Router).parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')));
};

/**
 * Needs the permission in `data.permission` (route data, so the shell can re-check it when the
 * active practice changes); without it, back to the home page.
 */
export const permissionGuard: CanActivateFn = (route) => {
  const permission = route.data['permission'] as Permission | undefined;
  if (!permission) return true;
  if (inject(SessionStore).can(permission)) return true;
  return inject(Router).createUrlTree(['/']);
};

/** Every permission the routes of this snapshot (root to leaf) require. */
export function requiredPermissions(root: ActivatedRouteSnapshot): Permission[] {
  const found: Permission[] = [];
  for (let route: ActivatedRouteSnapshot | null = root; route; route = route.firstChild) {
    const permission = route.data['permission'] as Permission | undefined;
    if (permission) found.push(permission);
  }
  return found;
}

/** A return URL from a query string, only if it stays inside the console. */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}
