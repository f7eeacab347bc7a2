import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import {
  ALERTS_SOCKET,
  type AlertsSocket,
  GRAPHQL_ENDPOINT,
  GraphqlClient,
  SessionStore,
} from '@parley/admin/data-access';
import { Permission } from '@parley/shared/domain';
import { print } from 'graphql';
import { catchError, EMPTY, Subject, switchMap } from 'rxjs';
import {
  AlertRaisedDocument,
  type AlertRaisedSubscription,
  type LiveAlertFieldsFragment,
  OpenAlertCountDocument,
} from '../generated/graphql';
import { openGraphqlWsSocket, socketUrl } from './graphql-ws-socket';

/** graphql-ws closes with this when the token or practice is refused at connect. */
const REFUSED = 4403;
/** After a subscription failed (not a dropped connection, which retries itself). */
const RESUBSCRIBE_AFTER_MS = 30_000;

/**
 * The active practice's alerts as they are raised, over graphql-ws (`alertRaised`), with the
 * number still open. Connected only while someone who may read alerts is signed in and a
 * practice is active; switching practice or signing out closes the connection. Every
 * (re)connection sends the current access token, and a refusal at connect refreshes it.
 */
@Injectable({ providedIn: 'root' })
export class LiveAlerts {
  private readonly session = inject(SessionStore);
  private readonly client = inject(GraphqlClient);
  private readonly openSocket = inject(ALERTS_SOCKET, { optional: true }) ?? openGraphqlWsSocket;
  private readonly endpoint = inject(GRAPHQL_ENDPOINT);

  /** Alerts not yet acknowledged in the active practice; null until known. */
  readonly openCount = signal<number | null>(null);
  /** Whether alerts are arriving live now. */
  readonly live = signal(false);
  /** The alert raised most recently while the console was open. */
  readonly latest = signal<LiveAlertFieldsFragment | null>(null);

  private readonly raisedAlerts = new Subject<LiveAlertFieldsFragment>();
  /** Each alert as it is raised. */
  readonly raised$ = this.raisedAlerts.asObservable();
  private readonly resyncs = new Subject<void>();
  /** A dropped connection came back: alerts raised meanwhile were not received. */
  readonly resynced$ = this.resyncs.asObservable();

  /** The practice to watch, or null when nobody may read its alerts. */
  private readonly watchedPracticeId = computed(() =>
    this.session.signedIn() && this.session.can(Permission.AlertsRead)
      ? this.session.activePracticeId()
      : null,
  );
  private readonly countRequests = new Subject<void>();

  constructor() {
    this.countRequests
      .pipe(
        switchMap(() =>
          this.client.request(OpenAlertCountDocument, {}).pipe(catchError(() => EMPTY)),
        ),
      )
      .subscribe((result) => this.openCount.set(result.openAlertCount));

    effect((onCleanup) => {
      const practiceId = this.watchedPracticeId();
      untracked(() => {
        this.openCount.set(null);
        this.latest.set(null);
        this.live.set(false);
      });
      if (practiceId) onCleanup(untracked(() => this.watch(practiceId)));
    });
  }

  /** Reads the open count again, e.g. after an alert was acknowledged. */
  refreshCount(): void {
    if (this.watchedPracticeId()) this.countRequests.next();
  }

  /** Connects for one practice; returns what disconnects. */
  private watch(practiceId: string): () => void {
    let stopped = false;
    let socket: AlertsSocket | null = null;
    let unsubscribe: () => void = () => undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    this.refreshCount();
    const subscribe = () => {
      if (stopped || !socket) return;
      unsubscribe = socket.subscribe(print(AlertRaisedDocument), {
        next: (data) => this.received((data as AlertRaisedSubscription).alertRaised),
        error: () => {
          this.live.set(false);
          retry = setTimeout(subscribe, RESUBSCRIBE_AFTER_MS);
        },
        complete: () => this.live.set(false),
      });
    };

    this.openSocket({
      url: socketUrl(this.endpoint, globalThis.location?.href ?? 'http://localhost/'),
      connectionParams: () => ({
        authorization: `Bearer ${this.session.accessToken() ?? ''}`,
        practiceId,
      }),
      onConnected: (wasRetry) => {
        if (stopped) return;
        this.live.set(true);
        if (wasRetry) {
          this.refreshCount();
          this.resyncs.next();
        }
      },
      onClosed: (code) => {
        if (stopped) return;
        this.live.set(false);
        // Most likely an expired token: any request refreshes it before the next attempt.
        if (code === REFUSED) this.refreshCount();
      },
    }).then(
      (opened) => {
        if (stopped) return opened.dispose();
        socket = opened;
        subscribe();
      },
      () => this.live.set(false), // the client could not be loaded; the count still shows
    );

    return () => {
      stopped = true;
      clearTimeout(retry);
      unsubscribe();
      socket?.dispose();
    };
  }

  private received(alert: LiveAlertFieldsFragment): void {
    this.openCount.update((count) => (count === null ? count : count + 1));
    this.latest.set(alert);
    this.raisedAlerts.next(alert);
  }
}
