import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { firstValueFrom } from 'rxjs';
import { LoginDocument } from '../generated/graphql';
import { SessionStore } from '../session/session.store';
import { FIXTURE_PLACES, FIXTURE_SIGN_INS, fixturePayload } from '../testing/session-fixtures';
import { ApiError } from './api-error';
import { GraphqlClient } from './graphql-client';

// A query and a mutation of the kind a feature library generates (the client is the same for any).
interface PeopleQuery {
  people: { userId: string; name: string; email: string; role: string; since: string }[];
}
const PeopleDocument = parse(
  'query People { people { userId name email role since } }',
) as TypedDocumentNode<PeopleQuery, Record<string, never>>;
const RemovePersonDocument = parse(
  'mutation RemovePerson($userId: ID!) { removePerson(userId: $userId) }',
) as TypedDocumentNode<{ removePerson: boolean }, { userId: string }>;

const PEOPLE: PeopleQuery = {
  people: [
    {
      userId: 'u1',
      name: 'Jo Bloggs',
      email: 'jo@x.nhs.uk',
      role: 'PracticeManager',
      since: '2025-01-01T00:00:00Z',
    },
  ],
};

function refreshed(accessToken: string, refreshToken: string) {
  return { data: { refresh: fixturePayload([], { accessToken, refreshToken }) } };
}

describe('GraphqlClient', () => {
  let client: GraphqlClient;
  let http: HttpTestingController;
  let session: SessionStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    client = TestBed.inject(GraphqlClient);
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  /** Runs a request and gives back its promise (so the test can answer the HTTP calls). */
  function run<T>(observable: import('rxjs').Observable<T>): Promise<T> {
    const promise = firstValueFrom(observable);
    promise.catch(() => undefined); // asserted by the test
    return promise;
  }

  const expectPost = (): TestRequest =>
    http.expectOne((req) => req.method === 'POST' && req.url === '/graphql');

  describe('headers and body', () => {
    it('sends the printed operation, its name and variables, with the token and active practice', async () => {
      session.start(FIXTURE_SIGN_INS.twoPractices());
      session.selectPractice(FIXTURE_PLACES.wilmslow.id);

      const result = run(client.request(RemovePersonDocument, { userId: 'u9' }));
      const req = expectPost();
      expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
      expect(req.request.headers.get('X-Parley-Practice')).toBe(FIXTURE_PLACES.wilmslow.id);
      expect(req.request.body.operationName).toBe('RemovePerson');
      expect(req.request.body.query).toMatch(/mutation RemovePerson\(\$userId: ID!\)/);
      expect(req.request.body.variables).toEqual({ userId: 'u9' });
      req.flush({ data: { removePerson: true } });
      await expect(result).resolves.toEqual({ removePerson: true });
    });

    it('follows a practice switch on the next request', async () => {
      session.start(FIXTURE_SIGN_INS.twoPractices());
      session.selectPractice(FIXTURE_PLACES.alderley.id);
      const result = run(client.request(PeopleDocument, {}));
      const req = expectPost();
      expect(req.request.headers.get('X-Parley-Practice')).toBe(FIXTURE_PLACES.alderley.id);
      req.flush({ data: PEOPLE });
      await result;
    });

    it('sends no practice header for people without a practice', async () => {
      session.start(FIXTURE_SIGN_INS.platformAdmin());
      const result = run(client.request(PeopleDocument, {}));
      const req = expectPost();
      expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
      expect(req.request.headers.has('X-Parley-Practice')).toBe(false);
      req.flush({ data: PEOPLE });
      await result;
    });

    it('sends anonymous requests without token or practice', async () => {
      session.start(FIXTURE_SIGN_INS.manager());
      const result = run(
        client.request(LoginDocument, { email: 'a@b.c', password: 'x' }, { anonymous: true }),
      );
      const req = expectPost();
      expect(req.request.headers.has('Authorization')).toBe(false);
      expect(req.request.headers.has('X-Parley-Practice')).toBe(false);
      req.flush({ data: { login: FIXTURE_SIGN_INS.manager() } });
      await result;
    });
  });

  describe('errors', () => {
    beforeEach(() => session.start(FIXTURE_SIGN_INS.manager()));

    it('turns a GraphQL error into an ApiError with its code, message and field', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush({
        data: null,
        errors: [
          {
            message: 'email must be an email address',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
          },
        ],
      });
      const error = (await result.catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toBe('email must be an email address');
      expect(error.field).toBe('input.email');
      expect(error.fieldName).toBe('email');
    });

    it('quotes the correlation id of masked server errors', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush({
        data: null,
        errors: [
          {
            message: 'Internal server error',
            extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'c0ffee' },
          },
        ],
      });
      const error = (await result.catch((e: unknown) => e)) as ApiError;
      expect(error.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.correlationId).toBe('c0ffee');
      expect(error.message).toContain('c0ffee');
    });

    it('reads GraphQL errors from an HTTP 400 answer', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush(
        {
          errors: [
            {
              message: 'Cannot query field "x"',
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await expect(result).rejects.toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: 'Cannot query field "x"',
      });
    });

    it('reports a network failure as NETWORK_ERROR', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().error(new ProgressEvent('error'), { status: 0, statusText: '' });
      await expect(result).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    });

    it('reports a non-GraphQL answer as BAD_RESPONSE', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
      await expect(result).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    });

    it('does not refresh or sign out for other codes', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] });
      await expect(result).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(session.signedIn()).toBe(true);
    });
  });

  describe('expired tokens', () => {
    const unauthenticated = {
      errors: [{ message: 'Your session is not valid', extensions: { code: 'UNAUTHENTICATED' } }],
    };

    beforeEach(() => session.start(FIXTURE_SIGN_INS.manager()));

    it('refreshes once with the stored refresh token, then retries with the new token', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush(unauthenticated);

      const refresh = expectPost();
      expect(refresh.request.body.operationName).toBe('Refresh');
      expect(refresh.request.body.variables).toEqual({ refreshToken: 'refresh-1' });
      expect(refresh.request.headers.has('Authorization')).toBe(false);
      refresh.flush(refreshed('access-2', 'refresh-2'));

      const retry = expectPost();
      expect(retry.request.body.operationName).toBe('People');
      expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
      retry.flush({ data: PEOPLE });

      await expect(result).resolves.toEqual(PEOPLE);
      expect(session.refreshToken()).toBe('refresh-2');
      expect(navigate).not.toHaveBeenCalled();
    });

    it('shares one refresh between requests that fail together', async () => {
      const first = run(client.request(PeopleDocument, {}));
      const second = run(client.request(RemovePersonDocument, { userId: 'u2' }));
      const [a, b] = http.match('/graphql');
      a.flush(unauthenticated);
      b.flush(unauthenticated);

      const refreshes = http.match((req) => req.body.operationName === 'Refresh');
      expect(refreshes).toHaveLength(1);
      refreshes[0].flush(refreshed('access-2', 'refresh-2'));

      const retries = http.match('/graphql');
      expect(retries.map((r) => r.request.headers.get('Authorization'))).toEqual([
        'Bearer access-2',
        'Bearer access-2',
      ]);
      retries.find((r) => r.request.body.operationName === 'People')?.flush({ data: PEOPLE });
      retries
        .find((r) => r.request.body.operationName === 'RemovePerson')
        ?.flush({ data: { removePerson: true } });
      await expect(first).resolves.toEqual(PEOPLE);
      await expect(second).resolves.toEqual({ removePerson: true });
    });

    it('signs out and goes to sign-in when the refresh is refused', async () => {
      await TestBed.inject(Router)
        .navigateByUrl('/')
        .catch(() => undefined);
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush(unauthenticated);
      expectPost().flush({
        errors: [{ message: 'This session was ended.', extensions: { code: 'UNAUTHENTICATED' } }],
      });

      await expect(result).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(session.signedIn()).toBe(false);
      expect(navigate).toHaveBeenCalledWith(['/sign-in'], {
        queryParams: { returnUrl: '/', reason: 'expired' },
      });
    });

    it('signs out when the retry is still refused', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush(unauthenticated);
      expectPost().flush(refreshed('access-2', 'refresh-2'));
      expectPost().flush(unauthenticated);
      await expect(result).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(session.signedIn()).toBe(false);
      expect(navigate).toHaveBeenCalledTimes(1);
    });

    it('keeps the session when the refresh cannot reach the server', async () => {
      const result = run(client.request(PeopleDocument, {}));
      expectPost().flush(unauthenticated);
      expectPost().error(new ProgressEvent('error'), { status: 0 });
      await expect(result).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
      expect(session.signedIn()).toBe(true);
    });

    it('does not refresh for a request sent without a token (e.g. a wrong password)', async () => {
      const result = run(
        client.request(LoginDocument, { email: 'a@b.c', password: 'wrong' }, { anonymous: true }),
      );
      expectPost().flush({
        errors: [
          { message: 'Email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      });
      await expect(result).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Email or password is wrong.',
      });
      expect(session.signedIn()).toBe(true);
      expect(navigate).not.toHaveBeenCalled();
    });
  });
});
