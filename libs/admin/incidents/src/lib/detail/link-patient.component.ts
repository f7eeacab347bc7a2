import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import {
  type IncidentFieldsFragment,
  type IncidentPatientFieldsFragment,
  IncidentPatientsDocument,
  LinkIncidentPatientDocument,
} from '../generated/graphql';
import { addPatient, NEW_PATIENT, patientLabelProblem } from '../patient-choice';
import type { StepChange } from './step-change';

/** Links the incident to the patient who wrote it, once known (a new reference if need be). */
@Component({
  selector: 'parley-link-patient',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FormAlertComponent,
  ],
  template: `
    <parley-form-alert [message]="error()" />
    <form [formGroup]="form" (ngSubmit)="link()" novalidate class="form">
      <div class="form__row">
        <mat-form-field appearance="outline">
          <mat-label>Patient reference</mat-label>
          <mat-select formControlName="patientId">
            @for (patient of patients(); track patient.id) {
              <mat-option [value]="patient.id">{{ patient.label }}</mat-option>
            }
            <mat-option [value]="newPatient">A new reference…</mat-option>
          </mat-select>
        </mat-form-field>
        @if (adding()) {
          <mat-form-field appearance="outline">
            <mat-label>New patient reference</mat-label>
            <input matInput formControlName="label" autocomplete="off" />
            <mat-hint>e.g. P-0042: never a name or NHS number</mat-hint>
            <mat-error>{{ form.controls.label.getError('server') }}</mat-error>
          </mat-form-field>
        }
      </div>
      <button mat-stroked-button type="submit" [disabled]="busy() || !chosen()">
        {{ busy() ? 'Linking…' : 'Link the patient' }}
      </button>
    </form>
  `,
  styleUrl: '../incidents.css',
})
export class LinkPatientComponent {
  private readonly client = inject(GraphqlClient);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly incident = input.required<IncidentFieldsFragment>();
  readonly linked = output<StepChange>();

  protected readonly newPatient = NEW_PATIENT;
  protected readonly form = this.fb.group({ patientId: [null as string | null], label: [''] });
  private readonly choice = toSignal(this.form.controls.patientId.valueChanges, {
    initialValue: null,
  });
  protected readonly chosen = computed(() => !!this.choice());
  protected readonly adding = computed(() => this.choice() === NEW_PATIENT);
  protected readonly patients = signal<IncidentPatientFieldsFragment[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.client
      .request(IncidentPatientsDocument, {})
      .pipe(
        map((r) => r.incidentPatients),
        catchError(() => of<IncidentPatientFieldsFragment[]>([])), // a new reference still works
        takeUntilDestroyed(),
      )
      .subscribe((patients) => this.patients.set(patients));
  }

  protected async link(): Promise<void> {
    const { patientId, label } = this.form.getRawValue();
    if (this.busy() || !patientId) return;
    this.error.set(null);
    if (patientId === NEW_PATIENT) {
      const problem = patientLabelProblem(label);
      if (problem) {
        this.form.controls.label.setErrors({ server: problem });
        this.form.controls.label.markAsTouched();
        return;
      }
    }
    this.busy.set(true);
    try {
      let id = patientId;
      if (id === NEW_PATIENT) {
        const added = await addPatient(this.client, label);
        this.patients.update((list) => [...list, added]);
        this.form.controls.patientId.setValue(added.id);
        id = added.id;
      }
      await firstValueFrom(
        this.client.request(LinkIncidentPatientDocument, {
          incidentId: this.incident().id,
          patientId: id,
        }),
      );
      const chosen = this.patients().find((p) => p.id === id)?.label ?? 'the patient';
      this.linked.emit({ message: `The incident is linked to patient ${chosen}.` });
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
