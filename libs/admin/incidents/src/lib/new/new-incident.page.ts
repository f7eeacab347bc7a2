import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { ApiError, errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { applyServerError, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import {
  IncidentFormOptionsDocument,
  type IncidentFormOptionsQuery,
  IncidentPlatform,
  type IncidentSeverity,
  LogIncidentDocument,
} from '../generated/graphql';
import { PLATFORM_OPTIONS } from '../incident-labels';
import { addPatient, NEW_PATIENT, patientLabelProblem } from '../patient-choice';

/** `yyyy-mm-ddThh:mm` in the browser's time, as a datetime-local input wants it. */
function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Logs a post brought to the practice's attention: where, when, what it says and how serious. */
@Component({
  selector: 'parley-new-incident-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    FormAlertComponent,
  ],
  templateUrl: './new-incident.page.html',
  styleUrl: '../incidents.css',
})
export class NewIncidentPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly platforms = PLATFORM_OPTIONS;
  protected readonly newPatient = NEW_PATIENT;
  protected readonly now = localDateTime(new Date());

  protected readonly form = this.fb.group({
    platform: [null as IncidentPlatform | null, Validators.required],
    link: [
      '',
      [Validators.required, Validators.pattern(/^https:\/\/\S+$/), Validators.maxLength(2000)],
    ],
    seenAt: [this.now, Validators.required],
    reportedBy: ['', [Validators.required, Validators.maxLength(200)]],
    summary: ['', [Validators.required, Validators.maxLength(4000)]],
    severity: [null as IncidentSeverity | null, Validators.required],
    staffNamed: [false],
    patientId: [null as string | null],
    newPatientLabel: [''],
  });

  protected readonly options = signal<IncidentFormOptionsQuery | null>(null);
  protected readonly optionsError = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);
  private readonly patientChoice = toSignal(this.form.controls.patientId.valueChanges, {
    initialValue: null,
  });
  protected readonly addingPatient = computed(() => this.patientChoice() === NEW_PATIENT);

  constructor() {
    toObservable(computed(() => this.session.activePracticeId()))
      .pipe(
        switchMap(() =>
          this.client.request(IncidentFormOptionsDocument, {}).pipe(
            map((options) => ({ options })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if ('error' in result) {
          this.optionsError.set(result.error);
          return;
        }
        this.optionsError.set(null);
        this.options.set(result.options);
      });
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.error.set(null);
    const value = this.form.getRawValue();
    const seenAt = new Date(value.seenAt);
    if (value.seenAt && !(seenAt.getTime() <= Date.now() + 5 * 60_000))
      this.form.controls.seenAt.setErrors({ future: true });
    if (this.addingPatient()) {
      const problem = patientLabelProblem(value.newPatientLabel);
      if (problem) this.form.controls.newPatientLabel.setErrors({ server: problem });
    }
    if (this.form.invalid || !value.platform || !value.severity) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    try {
      const patientId = await this.chosenPatientId(value.patientId, value.newPatientLabel);
      const { logIncident } = await firstValueFrom(
        this.client.request(LogIncidentDocument, {
          input: {
            platform: value.platform,
            link: value.link.trim(),
            seenAt: seenAt.toISOString(),
            reportedBy: value.reportedBy.trim(),
            summary: value.summary.trim(),
            severity: value.severity,
            staffNamed: value.staffNamed,
            patientId,
          },
        }),
      );
      await this.router.navigate(['/incidents', logIncident.id], { state: { logged: true } });
    } catch (error) {
      const placed =
        error instanceof ApiError &&
        applyServerError(this.form, {
          fieldName: error.fieldName === 'label' ? 'newPatientLabel' : error.fieldName,
          message: error.message,
        });
      if (placed) focusFirstInvalid(this.host.nativeElement);
      else this.error.set(errorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }

  /**
   * The patient to link: none, one in the list, or a new reference, added first (and chosen, so
   * a second attempt after a failure does not add it twice).
   */
  private async chosenPatientId(choice: string | null, newLabel: string): Promise<string | null> {
    if (choice !== NEW_PATIENT) return choice || null;
    const added = await addPatient(this.client, newLabel);
    this.options.update(
      (options) =>
        options && { ...options, incidentPatients: [...options.incidentPatients, added] },
    );
    this.form.controls.patientId.setValue(added.id);
    return added.id;
  }
}
