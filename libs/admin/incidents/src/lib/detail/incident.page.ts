import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { INCIDENT_SEVERITY_DESCRIPTIONS, Permission } from '@parley/shared/domain';
import { catchError, map, of, switchMap } from 'rxjs';
import { IncidentDocument, type IncidentFieldsFragment } from '../generated/graphql';
import { isSerious, platformLabel, SEVERITIES, severityLabel } from '../incident-labels';
import type { Permissions } from '../ladder-view';
import { LadderProgressComponent } from './ladder-progress.component';
import { LinkPatientComponent } from './link-patient.component';
import { RecordStepComponent } from './record-step.component';
import type { StepChange } from './step-change';

/** One incident: what was posted, where it stands on the ladder, and the steps taken. */
@Component({
  selector: 'parley-incident-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    FormAlertComponent,
    LadderProgressComponent,
    LinkPatientComponent,
    RecordStepComponent,
  ],
  templateUrl: './incident.page.html',
  styleUrl: '../incidents.css',
})
export class IncidentPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);

  /** From the route (`/incidents/:id`). */
  readonly id = input.required<string>();

  protected readonly can = computed<Permissions>(() => ({
    log: this.session.can(Permission.IncidentsLog),
    manage: this.session.can(Permission.EscalationManage),
  }));
  protected readonly platformLabel = platformLabel;
  protected readonly severityLabel = severityLabel;
  protected readonly isSerious = isSerious;

  protected readonly incident = signal<IncidentFieldsFragment | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  /** Said once after something changed. */
  protected readonly status = signal('');
  private readonly reloads = signal(0);

  /** The patient can be linked (or changed) until steps are recorded for them. */
  protected readonly canLink = computed(() => {
    const incident = this.incident();
    return !!incident && this.can().log && (!incident.patient || incident.actions.length === 0);
  });
  protected readonly severityDescription = computed(() => {
    const incident = this.incident();
    if (!incident) return '';
    const level = (SEVERITIES.indexOf(incident.severity) + 1) as 1 | 2 | 3 | 4;
    return INCIDENT_SEVERITY_DESCRIPTIONS[level];
  });

  constructor() {
    if (inject(Router).currentNavigation()?.extras.state?.['logged'])
      this.status.set('The incident is logged.');

    toObservable(
      computed(() => ({
        id: this.id(),
        practiceId: this.session.activePracticeId(),
        n: this.reloads(),
      })),
    )
      .pipe(
        switchMap(({ id }) => {
          this.loading.set(true);
          return this.client.request(IncidentDocument, { id }).pipe(
            map((r) => ({ incident: r.incident })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('error' in result) {
          this.loadError.set(result.error);
          this.incident.set(null);
          return;
        }
        this.loadError.set(null);
        this.incident.set(result.incident);
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  /** After a step or a link: read the incident again (ladder, next step, history). */
  protected onChanged(change: StepChange): void {
    this.status.set(change.message);
    this.reload();
  }
}
