import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ApiError, errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { applyServerError, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { COMPLAINT_RETENTION } from '@parley/shared/domain';
import { firstValueFrom } from 'rxjs';
import {
  RecordRetentionReviewDocument,
  RetentionDecision,
  type RetentionReviewItemFieldsFragment,
} from './generated/graphql';

/**
 * Records a manager's decision on one record past its retention period: keep it for some more
 * years, or approve it for destruction. Approval asks for a confirmation first, because the word
 * "destruction" reads as if Parley would delete something; it never does.
 */
@Component({
  selector: 'parley-retention-decision-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FormAlertComponent,
  ],
  template: `
    @let record = item();
    <section aria-labelledby="retention-decision" class="decision">
      <h2 id="retention-decision" class="section-title" tabindex="-1">
        Decision on complaint {{ record.reference }}
      </h2>
      <p class="muted">
        Closed {{ record.closedOn | date: 'd MMM y' }}; kept until
        {{ record.retentionEndsOn | date: 'd MMM y' }}.
      </p>
      <parley-form-alert [message]="error()" />
      @if (confirming()) {
        <div class="confirm" role="group" aria-labelledby="retention-confirm">
          <p id="retention-confirm">
            Approve complaint {{ record.reference }} for destruction? Nothing is deleted: Parley
            keeps the record and notes your decision. Destroying any paper or other copies is done
            outside Parley.
          </p>
          <div class="actions">
            <button mat-flat-button type="button" [disabled]="busy()" (click)="send()">
              {{ busy() ? 'Recording…' : 'Yes, approve for destruction' }}
            </button>
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy()"
              (click)="confirming.set(false)"
            >
              Go back
            </button>
          </div>
        </div>
      } @else {
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form">
          <fieldset class="form__fieldset">
            <legend>Decision</legend>
            <mat-radio-group
              formControlName="decision"
              class="form__radios--stacked"
              aria-label="Decision"
            >
              <mat-radio-button [value]="keep">Keep for more years</mat-radio-button>
              <mat-radio-button [value]="approve">Approve for destruction</mat-radio-button>
            </mat-radio-group>
          </fieldset>
          @if (form.controls.decision.value === keep) {
            <mat-form-field appearance="outline">
              <mat-label>Keep for how many more years</mat-label>
              <input matInput type="number" inputmode="numeric" formControlName="keepYears" />
              <mat-hint>1 to {{ maxKeepYears }}; the record is reviewed again after that.</mat-hint>
              @if (form.controls.keepYears.hasError('required')) {
                <mat-error>Enter how many more years to keep it.</mat-error>
              } @else if (form.controls.keepYears.hasError('server')) {
                <mat-error>{{ form.controls.keepYears.getError('server') }}</mat-error>
              } @else if (form.controls.keepYears.invalid) {
                <mat-error>Enter a whole number from 1 to {{ maxKeepYears }}.</mat-error>
              }
            </mat-form-field>
          }
          <mat-form-field appearance="outline" class="form__wide">
            <mat-label>Reason</mat-label>
            <textarea matInput formControlName="reason" rows="3"></textarea>
            <mat-hint>Recorded with the decision. Leave out patients' names.</mat-hint>
            @if (form.controls.reason.hasError('server')) {
              <mat-error>{{ form.controls.reason.getError('server') }}</mat-error>
            } @else if (form.controls.reason.hasError('maxlength')) {
              <mat-error>Keep it under 2,000 characters.</mat-error>
            } @else if (form.controls.reason.invalid) {
              <mat-error>Give the reason for the decision.</mat-error>
            }
          </mat-form-field>
          <p class="muted">Nothing is deleted: Parley keeps every complaint record.</p>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ busy() ? 'Recording…' : 'Record decision' }}
            </button>
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="cancelled.emit()">
              Cancel
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styleUrl: './retention.css',
})
export class DecisionFormComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly item = input.required<RetentionReviewItemFieldsFragment>();
  readonly recorded = output<RetentionReviewItemFieldsFragment>();
  readonly cancelled = output<void>();

  protected readonly keep = RetentionDecision.Keep;
  protected readonly approve = RetentionDecision.ApprovedForDestruction;
  protected readonly maxKeepYears = COMPLAINT_RETENTION.maxKeepYears;

  protected readonly form = inject(NonNullableFormBuilder).group({
    decision: [RetentionDecision.Keep as RetentionDecision, Validators.required],
    keepYears: [
      null as number | null,
      [
        Validators.required,
        Validators.min(1),
        Validators.max(COMPLAINT_RETENTION.maxKeepYears),
        Validators.pattern(/^\d+$/),
      ],
    ],
    reason: [
      '',
      [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(COMPLAINT_RETENTION.reasonLength),
      ],
    ],
  });
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // Years only matter for a decision to keep.
    this.form.controls.decision.valueChanges.subscribe((decision) => {
      const years = this.form.controls.keepYears;
      if (decision === RetentionDecision.Keep) years.enable();
      else years.disable();
    });
  }

  protected submit(): void {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    if (this.form.controls.decision.value === RetentionDecision.ApprovedForDestruction)
      this.confirming.set(true);
    else void this.send();
  }

  protected async send(): Promise<void> {
    if (this.busy()) return;
    const { decision, keepYears, reason } = this.form.getRawValue();
    const keeping = decision === RetentionDecision.Keep;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { recordRetentionReview } = await firstValueFrom(
        this.client.request(RecordRetentionReviewDocument, {
          input: {
            feedbackId: this.item().feedbackId,
            decision,
            keepYears: keeping ? Number(keepYears) : null,
            reason: reason.trim(),
          },
        }),
      );
      this.recorded.emit(recordRetentionReview);
    } catch (error) {
      this.confirming.set(false);
      if (!(error instanceof ApiError) || !applyServerError(this.form, error))
        this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
