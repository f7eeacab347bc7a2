import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { Router } from '@angular/router';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import {
  catchError,
  defer,
  finalize,
  map,
  type Observable,
  of,
  shareReplay,
  switchMap,
  throwError,
} from 'rxjs';
import { RefreshDocument } from '../generated/graphql';
import { SessionStore } from '../session/session.store';
import { ApiError, type GraphqlErrorBody } from './api-error';

/** Where GraphQL requests go; the API serves the console, so same origin. */
export const GRAPHQL_ENDPOINT = new InjectionToken<string>('GRAPHQL_ENDPOINT', {
  providedIn: 'root',
  factory: () => '/graphql',
});

export const PRACTICE_HEADER = 'X-Parley-Practice';

export interface RequestOptions {
  /** Send without the signed-in person's token or practice (public operations: login, invitations). */
  anonymous?: boolean;
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlErrorBody[];
}

const printed = new WeakMap<DocumentNode, { query: string; operationName?: string }>();

function printedOf(document: DocumentNode): { query: string; operationName?: string } {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    const operationName = operation && 'name' in operation ? operation.name?.value : undefined;
    entry = { query: print(document), operationName };
    printed.set(document, entry);
  }
  return entry;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpErrorResponse) {
    // Apollo answers malformed or invalid operations with 400 and a GraphQL body.
    const body = error.error as GraphqlResponse<unknown> | null;
    const first =
      body && typeof body === 'object' && Array.isArray(body.errors) ? body.errors[0] : undefined;
    if (first) return ApiError.fromGraphql(first);
    if (error.status === 0) {
      return new ApiError(
        'NETWORK_ERROR',
        'Parley could not be reached. Check your connection and try again.',
      );
    }
    if (error.status === 429)
      return new ApiError('RATE_LIMITED', 'Too many requests. Wait a moment and try again.');
    return new ApiError(
      'BAD_RESPONSE',
      `The server could not handle the request (HTTP ${error.status}). Please try again.`,
    );
  }
  return new ApiError(
    'BAD_RESPONSE',
    'The server sent an answer Parley could not read. Please try again.',
  );
}

const isUnauthenticated = (error: unknown) =>
  error instanceof ApiError && error.code === 'UNAUTHENTICATED';

/**
 * A small typed GraphQL client. Sends the signed-in person's token and active practice, turns
 * every failure into an `ApiError`, and when the token has expired exchanges the refresh token
 * once (shared by concurrent requests) and retries; if that fails the session ends.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly endpoint = inject(GRAPHQL_ENDPOINT);
  private refreshing: Observable<ApiError | null> | null = null;

  request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    options: RequestOptions = {},
  ): Observable<TResult> {
    return defer(() => {
      const token = options.anonymous ? null : this.session.accessToken();
      return this.post(document, variables, token).pipe(
        catchError((error: unknown) => {
          if (!token || !isUnauthenticated(error)) return throwError(() => error);
          return this.refreshOnce(token).pipe(
            switchMap((refreshError) => {
              if (refreshError) return throwError(() => refreshError);
              return this.post(document, variables, this.session.accessToken()).pipe(
                catchError((retryError: unknown) => {
                  if (isUnauthenticated(retryError)) this.endSession();
                  return throwError(() => retryError);
                }),
              );
            }),
          );
        }),
      );
    });
  }

  /**
   * Exchanges the refresh token for new tokens, once however many requests ask at the same
   * time (refresh tokens rotate: a second exchange of the same one would fail). Emits null when
   * refreshed, else the error to report.
   */
  private refreshOnce(staleToken: string): Observable<ApiError | null> {
    const current = this.session.accessToken();
    if (current && current !== staleToken) return of(null); // another request already refreshed
    const refreshToken = this.session.refreshToken();
    if (!refreshToken) {
      this.endSession();
      return of(new ApiError('UNAUTHENTICATED', 'Your session has ended. Sign in again.'));
    }
    this.refreshing ??= this.post(RefreshDocument, { refreshToken }, null).pipe(
      map((result): ApiError | null => {
        this.session.refreshed(result.refresh);
        return null;
      }),
      catchError((error: unknown) => {
        const apiError = toApiError(error);
        // Offline is not a reason to sign someone out; anything else means the session is over.
        if (apiError.code !== 'NETWORK_ERROR') {
          this.endSession();
          return of(new ApiError('UNAUTHENTICATED', 'Your session has ended. Sign in again.'));
        }
        return of(apiError);
      }),
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  private endSession(): void {
    if (!this.session.signedIn()) return;
    this.session.clear();
    const here = this.router.url;
    if (here.startsWith('/sign-in') || here.startsWith('/invitations/')) return;
    void this.router.navigate(['/sign-in'], {
      queryParams: { returnUrl: here, reason: 'expired' },
    });
  }

  private post<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    token: string | null,
  ): Observable<TResult> {
    let headers = new HttpHeaders();
    if (token) {
      headers = headers.set('Authorization', `Bearer ${token}`);
      const practiceId = this.session.activePracticeId();
      if (practiceId) headers = headers.set(PRACTICE_HEADER, practiceId);
    }
    const { query, operationName } = printedOf(document);
    return this.http
      .post<
        GraphqlResponse<TResult>
      >(this.endpoint, { operationName, query, variables }, { headers })
      .pipe(
        catchError((error: unknown) => throwError(() => toApiError(error))),
        map((response) => {
          if (response?.errors?.length) throw ApiError.fromGraphql(response.errors[0]);
          if (!response || response.data === undefined || response.data === null)
            throw toApiError(response);
          return response.data;
        }),
      );
  }
}
