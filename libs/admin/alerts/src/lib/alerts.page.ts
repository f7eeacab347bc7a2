import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { LiveAlerts } from '@parley/admin/shell';
import { FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import { alertKindLabel, fromLive, subjectLink, withRaised } from './alert-view';
import {
  AcknowledgeAlertDocument,
  type AlertFieldsFragment,
  AlertsDocument,
  AlertStatus,
} from './generated/graphql';

type Shown = 'open' | 'acknowledged' | 'all';

const SHOWN_OPTIONS: readonly { value: Shown; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'all', label: 'All' },
];

const LIMIT = 100;

/**
 * The practice's alerts, newest first. New ones appear as they are raised (through the same
 * live connection as the top bar's count); managers acknowledge them.
 */
@Component({
  selector: 'parley-alerts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatRadioModule, FormAlertComponent],
  templateUrl: './alerts.page.html',
  styleUrl: './alerts.page.css',
})
export class AlertsPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly liveAlerts = inject(LiveAlerts);

  protected readonly canAcknowledge = computed(() =>
    this.session.can(Permission.AlertsAcknowledge),
  );
  protected readonly live = this.liveAlerts.live;
  protected readonly shownOptions = SHOWN_OPTIONS;
  protected readonly kindLabel = alertKindLabel;
  protected readonly subjectLink = subjectLink;

  protected readonly shown = signal<Shown>('open');
  protected readonly alerts = signal<AlertFieldsFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  /** Said after something changed. */
  protected readonly status = signal('');
  protected readonly busyId = signal<string | null>(null);
  /** Raised while the page was open, to mark them as new. */
  protected readonly arrived = signal<ReadonlySet<string>>(new Set());
  private readonly reloads = signal(0);

  protected readonly heading = computed(() => {
    const shown = this.shown();
    return shown === 'open'
      ? 'Open alerts'
      : shown === 'acknowledged'
        ? 'Acknowledged alerts'
        : 'All alerts';
  });

  constructor() {
    toObservable(
      computed(() => ({
        shown: this.shown(),
        practiceId: this.session.activePracticeId(),
        n: this.reloads(),
      })),
    )
      .pipe(
        switchMap(({ shown }) => {
          this.loading.set(true);
          const status =
            shown === 'open'
              ? AlertStatus.Open
              : shown === 'acknowledged'
                ? AlertStatus.Acknowledged
                : null;
          return this.client.request(AlertsDocument, { status, limit: LIMIT }).pipe(
            map((r) => ({ alerts: r.alerts })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('error' in result) {
          this.loadError.set(result.error);
          return;
        }
        this.loadError.set(null);
        this.alerts.set(result.alerts);
      });

    this.liveAlerts.raised$.pipe(takeUntilDestroyed()).subscribe((raised) => {
      if (this.shown() === 'acknowledged') return;
      const alert = fromLive(raised);
      this.alerts.update((list) => withRaised(list, alert));
      this.arrived.update((ids) => new Set(ids).add(alert.id));
    });
    this.liveAlerts.resynced$.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
  }

  protected show(shown: Shown): void {
    this.status.set('');
    this.shown.set(shown);
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected async acknowledge(alert: AlertFieldsFragment): Promise<void> {
    if (this.busyId()) return;
    this.busyId.set(alert.id);
    this.actionError.set(null);
    try {
      const { acknowledgeAlert } = await firstValueFrom(
        this.client.request(AcknowledgeAlertDocument, { id: alert.id }),
      );
      this.alerts.update((list) =>
        this.shown() === 'open'
          ? list.filter((a) => a.id !== alert.id)
          : list.map((a) => (a.id === alert.id ? acknowledgeAlert : a)),
      );
      this.status.set(`Acknowledged: ${alert.subject}`);
      this.liveAlerts.refreshCount();
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busyId.set(null);
    }
  }
}
