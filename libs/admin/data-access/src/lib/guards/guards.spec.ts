import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  convertToParamMap,
  provideRouter,
  Router,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { Permission } from '@parley/shared/domain';
import { SessionStore } from '../session/session.store';
import { FIXTURE_SIGN_INS } from '../testing/session-fixtures';
import {
  permissionGuard,
  requiredPermissions,
  safeReturnUrl,
  signedInGuard,
  signedOutGuard,
} from './guards';

function route(
  data: Record<string, unknown> = {},
  query: Record<string, string> = {},
  firstChild: ActivatedRouteSnapshot | null = null,
) {
  return {
    data,
    queryParamMap: convertToParamMap(query),
    firstChild,
  } as unknown as ActivatedRouteSnapshot;
}
const state = (url: string) => ({ url }) as RouterStateSnapshot;

describe('route guards', () => {
  let session: SessionStore;
  let router: Router;
  const run = (guard: typeof signedInGuard, r: ActivatedRouteSnapshot, s = state('/')) =>
    TestBed.runInInjectionContext(() => guard(r, s));
  const url = (result: unknown) =>
    result instanceof UrlTree ? router.serializeUrl(result) : result;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
  });

  describe('signedInGuard', () => {
    it('sends signed-out people to sign-in, remembering where they were going', () => {
      expect(url(run(signedInGuard, route(), state('/people?tab=2')))).toBe(
        '/sign-in?returnUrl=%2Fpeople%3Ftab%3D2',
      );
    });

    it('lets signed-in people through', () => {
      session.start(FIXTURE_SIGN_INS.staff());
      expect(run(signedInGuard, route(), state('/people'))).toBe(true);
    });
  });

  describe('signedOutGuard', () => {
    it('shows the sign-in page to signed-out people', () => {
      expect(run(signedOutGuard, route())).toBe(true);
    });

    it('sends signed-in people on to the return URL', () => {
      session.start(FIXTURE_SIGN_INS.staff());
      expect(url(run(signedOutGuard, route({}, { returnUrl: '/people' })))).toBe('/people');
      expect(url(run(signedOutGuard, route({}, { returnUrl: 'https://evil.example' })))).toBe('/');
    });
  });

  describe('permissionGuard', () => {
    const people = route({ permission: Permission.PeopleManage });

    it('allows a role that has the permission in the active practice', () => {
      session.start(FIXTURE_SIGN_INS.manager());
      expect(run(permissionGuard, people)).toBe(true);
    });

    it('sends a role without it to the home page', () => {
      session.start(FIXTURE_SIGN_INS.staff());
      expect(url(run(permissionGuard, people))).toBe('/');
      session.start(FIXTURE_SIGN_INS.platformAdmin());
      expect(url(run(permissionGuard, people))).toBe('/');
      expect(run(permissionGuard, route({ permission: Permission.PlatformManage }))).toBe(true);
    });

    it('lets routes without a permission through', () => {
      expect(run(permissionGuard, route())).toBe(true);
    });
  });

  it('collects the permissions along a route chain', () => {
    const chain = route(
      {},
      {},
      route(
        { permission: Permission.PeopleRead },
        {},
        route({ permission: Permission.PeopleManage }),
      ),
    );
    expect(requiredPermissions(chain)).toEqual([Permission.PeopleRead, Permission.PeopleManage]);
  });

  it.each([
    [null, '/'],
    ['', '/'],
    ['/people', '/people'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/sign-in?returnUrl=/x', '/'],
  ])('safeReturnUrl(%p) is %p', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
