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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { londonDateOf } from '@parley/shared/domain';
import { firstValueFrom, type Observable } from 'rxjs';
import {
  type ComplaintOutcome,
  type FeedbackItemFieldsFragment,
  FeedbackKind,
  FeedbackStatus,
  MarkResolvedNextWorkingDayDocument,
  TransitionFeedbackDocument,
} from '../generated/graphql';
import { OUTCOME_OPTIONS } from '../feedback-labels';
import type { ItemChange } from './item-clocks.component';

/** What each step is called where a person chooses it. */
const STEP_CHOICES: Record<FeedbackStatus, { label: string; done: string }> = {
  [FeedbackStatus.Received]: { label: 'Received', done: 'received' },
  [FeedbackStatus.Acknowledged]: { label: 'Acknowledge', done: 'acknowledged' },
  [FeedbackStatus.Investigating]: { label: 'Start the investigation', done: 'under investigation' },
  [FeedbackStatus.Responded]: { label: 'Record the final response', done: 'responded to' },
  [FeedbackStatus.Closed]: { label: 'Close', done: 'closed' },
  [FeedbackStatus.Withdrawn]: { label: 'Record that it was withdrawn', done: 'withdrawn' },
};

/** Steps that are only done while the complaint is still in the first stages. */
const RESOLVABLE: readonly FeedbackStatus[] = [
  FeedbackStatus.Received,
  FeedbackStatus.Acknowledged,
  FeedbackStatus.Investigating,
];

/**
 * The workflow steps the item can take from its status, as far as the person may take them:
 * staff acknowledge; investigating, responding, closing and withdrawing are for managers.
 */
@Component({
  selector: 'parley-workflow-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FormAlertComponent,
  ],
  templateUrl: './workflow-actions.component.html',
  styleUrl: '../feedback.css',
})
export class WorkflowActionsComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly item = input.required<FeedbackItemFieldsFragment>();
  readonly canLog = input(false);
  readonly canManage = input(false);
  readonly changed = output<ItemChange>();

  protected readonly today = londonDateOf(new Date());
  protected readonly outcomeOptions = OUTCOME_OPTIONS;
  protected readonly choices = STEP_CHOICES;

  /** The steps this person may take now. */
  protected readonly steps = computed(() =>
    this.item().allowedTransitions.filter((to) =>
      to === FeedbackStatus.Acknowledged ? this.canLog() : this.canManage(),
    ),
  );
  /** Steps there are, but for a manager. */
  protected readonly stepsForManager = computed(
    () => this.item().allowedTransitions.length > this.steps().length,
  );
  protected readonly canResolveNextDay = computed(() => {
    const item = this.item();
    return (
      this.canManage() &&
      item.kind === FeedbackKind.Complaint &&
      item.oral &&
      RESOLVABLE.includes(item.status)
    );
  });

  protected readonly form = this.fb.group({
    to: [null as FeedbackStatus | null, Validators.required],
    effectiveOn: [this.today, Validators.required],
    note: ['', Validators.maxLength(2000)],
    outcome: [null as ComplaintOutcome | null],
    phsoInformed: [false],
  });
  protected readonly resolveForm = this.fb.group({
    resolvedOn: [this.today, Validators.required],
    note: ['', Validators.maxLength(2000)],
  });

  private readonly to = toSignal(this.form.controls.to.valueChanges, { initialValue: null });
  protected readonly isComplaint = computed(() => this.item().kind === FeedbackKind.Complaint);
  protected readonly needsOutcome = computed(
    () => this.isComplaint() && this.to() === FeedbackStatus.Closed,
  );
  protected readonly needsPhso = computed(
    () =>
      this.isComplaint() &&
      (this.to() === FeedbackStatus.Responded ||
        (this.to() === FeedbackStatus.Closed && !this.item().phsoInformed)),
  );
  protected readonly submitLabel = computed(() => {
    const to = this.to();
    return to ? STEP_CHOICES[to].label : 'Record this step';
  });

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // A fresh form for each state of the item, with the only possible step already chosen.
    effect(() => {
      const steps = this.steps();
      this.form.reset({
        to: steps.length === 1 ? steps[0] : null,
        effectiveOn: this.today,
        note: '',
        outcome: null,
        phsoInformed: false,
      });
      this.resolveForm.reset({ resolvedOn: this.today, note: '' });
    });
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const { to, effectiveOn, note, outcome, phsoInformed } = this.form.getRawValue();
    if (this.needsOutcome() && !outcome) this.form.controls.outcome.setErrors({ required: true });
    if (this.needsPhso() && !phsoInformed)
      this.form.controls.phsoInformed.setErrors({ required: true });
    if (this.form.invalid || !to) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    await this.run(
      this.client.request(TransitionFeedbackDocument, {
        id: this.item().id,
        to,
        effectiveOn: effectiveOn || null,
        note: note.trim() || null,
        outcome: this.needsOutcome() ? outcome : null,
        phsoInformed: this.needsPhso() ? true : null,
      }),
      `${this.kindWord()} is now ${STEP_CHOICES[to].done}.`,
    );
  }

  protected async resolveNextDay(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    const { resolvedOn, note } = this.resolveForm.getRawValue();
    await this.run(
      this.client.request(MarkResolvedNextWorkingDayDocument, {
        id: this.item().id,
        resolvedOn: resolvedOn || null,
        note: note.trim() || null,
      }),
      'The complaint is closed as resolved by the next working day, outside the regulations.',
    );
  }

  private kindWord(): string {
    return this.isComplaint() ? 'The complaint' : 'The item';
  }

  private async run(call: Observable<unknown>, message: string): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(call);
      this.changed.emit({ message });
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
