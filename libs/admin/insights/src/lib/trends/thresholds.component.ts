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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import {
  type InsightsThresholdsFieldsFragment,
  SetIcbThresholdsDocument,
} from '../generated/graphql';
import { thresholdsText } from '../model/format';

/** Up to 2 decimals, as the API accepts. */
const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** The ICB's thresholds for flagging practices: what they are, and a form to change them. */
@Component({
  selector: 'parley-insights-thresholds',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FormAlertComponent,
  ],
  template: `
    <ul class="threshold-list">
      @for (line of current(); track line) {
        <li>{{ line }}</li>
      }
    </ul>
    <p role="status" class="muted">{{ status() }}</p>
    <parley-form-alert [message]="error()" />
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="threshold-form">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Highest complaint rate</mat-label>
        <input matInput formControlName="maxRate" inputmode="decimal" autocomplete="off" />
        <mat-hint>
          Complaints per 1,000 registered patients per year. Practices above it are flagged; leave
          it empty not to flag on the rate.
        </mat-hint>
        @if (form.controls.maxRate.invalid) {
          <mat-error>Enter a number such as 5 or 7.5, with at most 2 decimals.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Lowest % acknowledged in time</mat-label>
        <input matInput formControlName="minAck" inputmode="decimal" autocomplete="off" />
        <mat-hint>
          Share of complaints acknowledged within 3 working days. Practices below it are flagged;
          leave it empty not to flag on acknowledgement.
        </mat-hint>
        @if (form.controls.minAck.invalid) {
          <mat-error>Enter a percentage from 0 to 100, with at most 2 decimals.</mat-error>
        }
      </mat-form-field>
      <div>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ busy() ? 'Saving…' : 'Save thresholds' }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .threshold-list {
      margin: 0 0 8px;
      padding-inline-start: 20px;
    }
    .threshold-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
      max-width: 48rem;
    }
    .threshold-form mat-form-field {
      flex: 1 1 18rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ThresholdsComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly thresholds = input.required<InsightsThresholdsFieldsFragment>();
  readonly saved = output<InsightsThresholdsFieldsFragment>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    maxRate: ['', [Validators.pattern(DECIMAL), Validators.max(999999)]],
    minAck: ['', [Validators.pattern(DECIMAL), Validators.max(100)]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly current = computed(() => thresholdsText(this.thresholds()));

  constructor() {
    effect(() => {
      const t = this.thresholds();
      this.form.reset({
        maxRate: t.maxComplaintsPer1000PerYear?.toString() ?? '',
        minAck: t.minAckWithin3DaysPercent?.toString() ?? '',
      });
    });
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    this.status.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { maxRate, minAck } = this.form.getRawValue();
    const number = (value: string) => (value.trim() === '' ? null : Number(value));
    this.busy.set(true);
    try {
      const { setIcbThresholds } = await firstValueFrom(
        this.client.request(SetIcbThresholdsDocument, {
          input: {
            icbId: this.thresholds().icbId,
            maxComplaintsPer1000PerYear: number(maxRate),
            minAckWithin3DaysPercent: number(minAck),
          },
        }),
      );
      this.status.set('Thresholds saved. The practices are flagged against them below.');
      this.saved.emit(setIcbThresholds);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
