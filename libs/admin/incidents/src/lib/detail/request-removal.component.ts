import { formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  LOCALE_ID,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiError, errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { applyServerError, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { londonDateOf } from '@parley/shared/domain';
import { catchError, debounceTime, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import {
  CheckRemovalDocument,
  type CheckRemovalQuery,
  type IncidentFieldsFragment,
  RequestRemovalDocument,
} from '../generated/graphql';
import type { StepChange } from './step-change';

type Check = CheckRemovalQuery['checkRemoval'];

/**
 * A request to remove the linked patient from the list. The rules are checked as the form is
 * filled in (a warning with reasons in the preceding months, or an immediate removal with a
 * police incident reference), so the person sees whether it would stand and when it takes effect.
 */
@Component({
  selector: 'parley-request-removal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    FormAlertComponent,
  ],
  templateUrl: './request-removal.component.html',
  styleUrl: '../incidents.css',
})
export class RequestRemovalComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly locale = inject(LOCALE_ID);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly incident = input.required<IncidentFieldsFragment>();
  readonly recorded = output<StepChange>();

  protected readonly today = londonDateOf(new Date());
  protected readonly seenOn = computed(() => londonDateOf(new Date(this.incident().seenAt)));

  protected readonly form = this.fb.group({
    requestedOn: [this.today, Validators.required],
    immediate: [false],
    policeIncidentReference: ['', Validators.maxLength(100)],
    noWarningBecause: ['', Validators.maxLength(2000)],
    reasons: ['', [Validators.required, Validators.maxLength(4000)]],
    notBecauseOfComplaint: [false, Validators.requiredTrue],
    notes: ['', Validators.maxLength(4000)],
  });
  protected readonly immediate = toSignal(this.form.controls.immediate.valueChanges, {
    initialValue: false,
  });
  protected readonly check = signal<Check | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.form.valueChanges
      .pipe(
        startWith(null),
        map(() => this.form.getRawValue()),
        debounceTime(300),
        switchMap((v) => {
          if (!v.requestedOn) return of(null);
          return this.client
            .request(CheckRemovalDocument, {
              incidentId: this.incident().id,
              requestedOn: v.requestedOn,
              immediate: v.immediate,
              policeIncidentReference: v.immediate
                ? v.policeIncidentReference.trim() || null
                : null,
              noWarningBecause: v.immediate ? null : v.noWarningBecause.trim() || null,
            })
            .pipe(
              map((r) => r.checkRemoval),
              catchError(() => of(null)), // the check is a help; saving checks again
            );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((check) => this.check.set(check));
  }

  /** What the check says, in words. */
  protected readonly verdict = computed(() => {
    const check = this.check();
    if (!check) return null;
    if (!check.allowed)
      return { allowed: false, text: check.refusal ?? 'This request would not stand.' };
    const parts = ['This request would stand.'];
    if (check.warningGivenOn)
      parts.push(`It relies on the warning given on ${this.day(check.warningGivenOn)}.`);
    if (check.writtenConfirmationDueOn)
      parts.push(`Confirm the removal in writing by ${this.day(check.writtenConfirmationDueOn)}.`);
    else if (check.effectiveOn)
      parts.push(`The patient leaves the list on ${this.day(check.effectiveOn)}.`);
    return { allowed: true, text: parts.join(' ') };
  });

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const v = this.form.getRawValue();
    if (v.immediate && !v.policeIncidentReference.trim())
      this.form.controls.policeIncidentReference.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      const { requestRemoval } = await firstValueFrom(
        this.client.request(RequestRemovalDocument, {
          input: {
            incidentId: this.incident().id,
            requestedOn: v.requestedOn,
            immediate: v.immediate,
            policeIncidentReference: v.immediate ? v.policeIncidentReference.trim() : null,
            noWarningBecause: v.immediate ? null : v.noWarningBecause.trim() || null,
            reasons: v.reasons.trim(),
            notBecauseOfComplaint: v.notBecauseOfComplaint,
            notes: v.notes.trim() || null,
          },
        }),
      );
      const { effectiveOn, writtenConfirmationDueOn } = requestRemoval.action;
      const then = writtenConfirmationDueOn
        ? ` Confirm it in writing by ${this.day(writtenConfirmationDueOn)}.`
        : effectiveOn
          ? ` The patient leaves the list on ${this.day(effectiveOn)}.`
          : '';
      this.recorded.emit({ message: `The removal request is recorded.${then}` });
    } catch (error) {
      const placed =
        error instanceof ApiError &&
        applyServerError(this.form, { fieldName: error.fieldName, message: error.message });
      if (!placed) this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  private day(date: string): string {
    return formatDate(date, 'd MMMM y', this.locale);
  }
}
