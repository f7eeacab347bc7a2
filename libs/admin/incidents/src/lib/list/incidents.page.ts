import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, map, of, switchMap } from 'rxjs';
import {
  type IncidentListFieldsFragment,
  type IncidentPatientFieldsFragment,
  IncidentPatientsDocument,
  IncidentsDocument,
  IncidentSeverity,
} from '../generated/graphql';
import { isSerious, platformLabel, SEVERITIES, severityLabel } from '../incident-labels';

const PAGE = 50;
const MOST = 200;

interface Filters {
  minSeverity: IncidentSeverity | null;
  patientId: string | null;
}

function filtersFrom(params: Params): Filters {
  const severity = params['severity'];
  const patient = params['patient'];
  return {
    minSeverity: SEVERITIES.includes(severity) ? (severity as IncidentSeverity) : null,
    patientId: typeof patient === 'string' && patient ? patient : null,
  };
}

/** The practice's social-media incidents, most recently seen first, with the step each calls for. */
@Component({
  selector: 'parley-incidents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    FormAlertComponent,
  ],
  templateUrl: './incidents.page.html',
  styleUrl: '../incidents.css',
})
export class IncidentsPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly canLog = computed(() => this.session.can(Permission.IncidentsLog));
  protected readonly practiceName = computed(
    () => this.session.activePractice()?.name ?? 'the practice',
  );
  protected readonly platformLabel = platformLabel;
  protected readonly severityLabel = severityLabel;
  protected readonly isSerious = isSerious;
  protected readonly severityOptions = SEVERITIES.filter((s) => s !== IncidentSeverity.Low);
  protected readonly columns = ['seenAt', 'platform', 'severity', 'summary', 'patient', 'next'];

  protected readonly filters = toSignal(this.route.queryParams.pipe(map(filtersFrom)), {
    initialValue: filtersFrom(this.route.snapshot.queryParams),
  });
  protected readonly limit = signal(PAGE);
  protected readonly incidents = signal<IncidentListFieldsFragment[]>([]);
  protected readonly patients = signal<IncidentPatientFieldsFragment[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  private readonly reloads = signal(0);

  protected readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.minSeverity || f.patientId);
  });
  protected readonly patientLabel = computed(() => {
    const id = this.filters().patientId;
    return id ? (this.patients().find((p) => p.id === id)?.label ?? null) : null;
  });
  protected readonly canShowMore = computed(
    () => this.incidents().length >= this.limit() && this.limit() < MOST,
  );

  constructor() {
    toObservable(computed(() => this.session.activePracticeId()))
      .pipe(
        switchMap(() =>
          this.client.request(IncidentPatientsDocument, {}).pipe(
            map((r) => r.incidentPatients),
            catchError(() => of<IncidentPatientFieldsFragment[]>([])), // the filter is a nicety
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((patients) => this.patients.set(patients));

    toObservable(
      computed(() => ({
        filters: this.filters(),
        limit: this.limit(),
        practiceId: this.session.activePracticeId(),
        n: this.reloads(),
      })),
    )
      .pipe(
        switchMap(({ filters, limit }) => {
          this.loading.set(true);
          return this.client.request(IncidentsDocument, { ...filters, limit }).pipe(
            map((r) => ({ incidents: r.incidents })),
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
        this.incidents.set(result.incidents);
      });
  }

  protected setFilter(changes: Partial<Filters>): void {
    const next = { ...this.filters(), ...changes };
    this.limit.set(PAGE);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        severity: next.minSeverity ?? undefined,
        patient: next.patientId ?? undefined,
      },
    });
  }

  protected clearFilters(): void {
    this.setFilter({ minSeverity: null, patientId: null });
  }

  protected showMore(): void {
    this.limit.update((n) => Math.min(MOST, n + PAGE));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected shorten(text: string): string {
    return text.length > 120 ? `${text.slice(0, 117).trimEnd()}…` : text;
  }
}
