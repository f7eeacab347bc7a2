import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ApiError, errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { applyServerError, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { londonDateOf } from '@parley/shared/domain';
import { firstValueFrom } from 'rxjs';
import {
  EscalationStepKind,
  type IncidentFieldsFragment,
  RecordLadderStepDocument,
  RecordWarningDocument,
} from '../generated/graphql';
import { type Permissions, stepChoices } from '../ladder-view';
import { RequestRemovalComponent } from './request-removal.component';
import type { StepChange } from './step-change';

const DATE_LABELS: Readonly<Record<EscalationStepKind, string>> = {
  [EscalationStepKind.InviteDiscussion]: 'Date of the invitation',
  [EscalationStepKind.ContactGroupAdmins]: 'Date the administrators were contacted',
  [EscalationStepKind.FormalWarning]: 'Date the warning was given',
  [EscalationStepKind.RemovalRequest]: 'Date of the request',
};

const DONE: Readonly<Record<EscalationStepKind, string>> = {
  [EscalationStepKind.InviteDiscussion]: 'The invitation to discuss is recorded.',
  [EscalationStepKind.ContactGroupAdmins]: "Contacting the group's administrators is recorded.",
  [EscalationStepKind.FormalWarning]: 'The formal warning is recorded.',
  [EscalationStepKind.RemovalRequest]: 'The removal request is recorded.',
};

/**
 * Records a step taken along the ladder: the suggested one is chosen to begin with, but any step
 * the person may record can be. Warnings need reasons; removal requests have their own form.
 */
@Component({
  selector: 'parley-record-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FormAlertComponent,
    RequestRemovalComponent,
  ],
  templateUrl: './record-step.component.html',
  styleUrl: '../incidents.css',
})
export class RecordStepComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly incident = input.required<IncidentFieldsFragment>();
  readonly can = input.required<Permissions>();
  readonly changed = output<StepChange>();

  protected readonly today = londonDateOf(new Date());
  protected readonly seenOn = computed(() => londonDateOf(new Date(this.incident().seenAt)));
  protected readonly choices = computed(() => stepChoices(this.incident(), this.can()));
  protected readonly removal = EscalationStepKind.RemovalRequest;

  protected readonly form = this.fb.group({
    kind: [null as EscalationStepKind | null, Validators.required],
    takenOn: [this.today, Validators.required],
    reasons: ['', Validators.maxLength(4000)],
    notes: ['', Validators.maxLength(4000)],
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: null });
  protected readonly isWarning = computed(() => this.kind() === EscalationStepKind.FormalWarning);
  protected readonly dateLabel = computed(() => {
    const kind = this.kind();
    return kind ? DATE_LABELS[kind] : 'Date';
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // A fresh form for each state of the incident, the suggested step chosen.
    effect(() => {
      const choices = this.choices();
      const suggested = choices.find((c) => c.suggested) ?? choices[0];
      this.form.reset({
        kind: suggested?.kind ?? null,
        takenOn: this.today,
        reasons: '',
        notes: '',
      });
      this.error.set(null);
    });
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const { kind, takenOn, reasons, notes } = this.form.getRawValue();
    if (this.isWarning() && !reasons.trim())
      this.form.controls.reasons.setErrors({ required: true });
    if (this.form.invalid || !kind) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const incidentId = this.incident().id;
    this.busy.set(true);
    try {
      if (kind === EscalationStepKind.FormalWarning) {
        await firstValueFrom(
          this.client.request(RecordWarningDocument, {
            input: {
              incidentId,
              givenOn: takenOn,
              reasons: reasons.trim(),
              notes: notes.trim() || null,
            },
          }),
        );
      } else {
        await firstValueFrom(
          this.client.request(RecordLadderStepDocument, {
            input: { incidentId, kind, takenOn, notes: notes.trim() || null },
          }),
        );
      }
      this.changed.emit({ message: DONE[kind] });
    } catch (error) {
      const placed =
        error instanceof ApiError &&
        applyServerError(this.form, {
          fieldName: error.fieldName === 'givenOn' ? 'takenOn' : error.fieldName,
          message: error.message,
        });
      if (!placed) this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected removalRecorded(change: StepChange): void {
    this.changed.emit(change);
  }
}
