import { type Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { errorMessage } from '@parley/admin/data-access';
import { catchError, map, type Observable, of, switchMap } from 'rxjs';

/** What a page shows of a query that follows its filters. */
export interface QueryState<T> {
  value: Signal<T | null>;
  loading: Signal<boolean>;
  error: Signal<string | null>;
}

/**
 * Runs `fetch` whenever `variables` change (a newer request replaces an older one still
 * running) and keeps the answer, the loading flag and the error message in signals. `n` in the
 * variables is a reload counter: it triggers a new request and is not sent. Call it from a field
 * initialiser or constructor (it needs the injection context to stop with the page).
 */
export function queryOnChange<V extends { n: number }, T>(
  variables: Signal<V | null>,
  fetch: (request: Omit<V, 'n'>) => Observable<T>,
): QueryState<T> {
  const value = signal<T | null>(null);
  const loading = signal(true);
  const error = signal<string | null>(null);
  toObservable(variables)
    .pipe(
      switchMap((current) => {
        if (!current) return of(null);
        loading.set(true);
        const { n: _n, ...request } = current;
        return fetch(request).pipe(
          map((answer) => ({ answer })),
          catchError((failure: unknown) => of({ failure: errorMessage(failure) })),
        );
      }),
      takeUntilDestroyed(),
    )
    .subscribe((outcome) => {
      loading.set(false);
      if (!outcome) return;
      if ('failure' in outcome) {
        value.set(null);
        error.set(outcome.failure);
        return;
      }
      error.set(null);
      value.set(outcome.answer);
    });
  return { value: value.asReadonly(), loading: loading.asReadonly(), error: error.asReadonly() };
}
