import { DatePipe, formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  LOCALE_ID,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import {
  EscalationSettingsDocument,
  type EscalationSettingsFieldsFragment,
  EscalationSettingsHistoryDocument,
} from './generated/graphql';
import { SettingsSummaryComponent } from './settings-summary.component';
import { SEVERITIES, severityDescription, severityLabel } from './settings-text';

/** The practice's escalation settings in force, in words, and every version saved before. */
@Component({
  selector: 'parley-escalation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, FormAlertComponent, SettingsSummaryComponent],
  templateUrl: './escalation.page.html',
  styleUrl: './escalation.css',
})
export class EscalationPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly locale = inject(LOCALE_ID);

  protected readonly canManage = computed(() => this.session.can(Permission.EscalationManage));
  protected readonly practiceName = computed(
    () => this.session.activePractice()?.name ?? 'the practice',
  );
  protected readonly severities = SEVERITIES.map((severity) => ({
    severity,
    label: severityLabel(severity),
    description: severityDescription(severity),
  }));

  protected readonly settings = signal<EscalationSettingsFieldsFragment | null>(null);
  protected readonly history = signal<EscalationSettingsFieldsFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly status = signal('');
  private readonly reloads = signal(0);

  constructor() {
    const saved = inject(Router).currentNavigation()?.extras.state?.['saved'];
    if (typeof saved === 'number') this.status.set(`Saved as version ${saved}.`);

    toObservable(
      computed(() => ({ practiceId: this.session.activePracticeId(), n: this.reloads() })),
    )
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          return forkJoin({
            current: this.client.request(EscalationSettingsDocument, {}),
            history: this.client.request(EscalationSettingsHistoryDocument, {}),
          }).pipe(
            map(({ current, history }) => ({
              settings: current.escalationSettings,
              history: history.escalationSettingsHistory,
            })),
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
        this.settings.set(result.settings);
        this.history.set(result.history);
      });
  }

  /** "Version 2, saved 4 March 2030, 10:15, by Wendy Manager." */
  protected savedLine(settings: EscalationSettingsFieldsFragment): string {
    const when = settings.savedAt
      ? `, saved ${formatDate(settings.savedAt, 'd MMMM y, HH:mm', this.locale)}`
      : '';
    const who = settings.savedBy ? ` by ${settings.savedBy}` : '';
    return `Version ${settings.version}${when}${who}.`;
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }
}
