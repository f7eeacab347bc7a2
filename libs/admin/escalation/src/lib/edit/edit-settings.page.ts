import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { ApiError, errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { REMOVAL_EFFECTIVE_AFTER_DAYS } from '@parley/shared/domain';
import { catchError, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import {
  EscalationSettingsDocument,
  type EscalationStepKind,
  IncidentSeverity,
  SaveEscalationSettingsDocument,
  VolumeAlertOf,
} from '../generated/graphql';
import { describeTrigger, SEVERITIES, severityLabel, stepLabel } from '../settings-text';
import {
  controlOf,
  type FormProblem,
  formValueOf,
  inputOf,
  problemsOf,
  type SettingsFormValue,
  STEP_KINDS,
  type StepFormValue,
} from './settings-form';

type StepGroup = FormGroup<{
  included: FormControl<boolean>;
  minSeverity: FormControl<IncidentSeverity>;
  incidentCount: FormControl<number | null>;
  withinDays: FormControl<number | null>;
}>;

/**
 * Changes the escalation settings as a whole, saved as a new version. Checked with the API's own
 * rules before sending (so a clock looser than the law is refused on its field at once); the
 * API's refusals land on their fields too.
 */
@Component({
  selector: 'parley-edit-escalation-settings-page',
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
  templateUrl: './edit-settings.page.html',
  styleUrl: '../escalation.css',
})
export class EditSettingsPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  protected readonly kinds = STEP_KINDS;
  protected readonly stepLabel = stepLabel;
  protected readonly removalEffectiveDay = REMOVAL_EFFECTIVE_AFTER_DAYS;
  protected readonly volumeOptions = [
    { value: VolumeAlertOf.Negative, label: 'Negative items of feedback' },
    { value: VolumeAlertOf.Complaints, label: 'Complaints' },
  ];

  protected readonly form = this.fb.group({
    ladder: this.fb.group(
      Object.fromEntries(STEP_KINDS.map((kind) => [kind, this.stepGroup()])) as Record<
        EscalationStepKind,
        StepGroup
      >,
    ),
    removalRules: this.fb.group({
      warningValidMonths: this.fb.control<number | null>(null),
      writtenConfirmationDays: this.fb.control<number | null>(null),
      allowRemovalWithoutWarningWhenUnsafe: [true],
    }),
    clocks: this.fb.group({
      ackWorkingDays: this.fb.control<number | null>(null),
      responseTargetWorkingDays: this.fb.control<number | null>(null),
      delayLetterMonths: this.fb.control<number | null>(null),
      timeLimitMonths: this.fb.control<number | null>(null),
    }),
    volumeAlert: this.fb.group({
      count: this.fb.control<number | null>(null),
      withinDays: this.fb.control<number | null>(null),
      of: [VolumeAlertOf.Negative],
    }),
    note: [''],
  });

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue() as SettingsFormValue),
    ),
    { requireSync: true },
  );

  /** The version the edit started from (sent, so a save over someone else's is refused). */
  protected readonly baseVersion = signal<number | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    toObservable(computed(() => this.session.activePracticeId()))
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          return this.client.request(EscalationSettingsDocument, {}).pipe(
            map((r) => ({ settings: r.escalationSettings })),
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
        this.formError.set(null);
        this.baseVersion.set(result.settings.version);
        this.form.reset(formValueOf(result.settings));
      });
  }

  protected step(kind: EscalationStepKind): StepGroup {
    return this.form.controls.ladder.controls[kind];
  }

  protected stepValue(kind: EscalationStepKind): StepFormValue {
    return this.value().ladder[kind];
  }

  /** Civil criticism (low) may only ever lead to an invitation to discuss. */
  protected severitiesFor(kind: EscalationStepKind): { value: IncidentSeverity; label: string }[] {
    return SEVERITIES.filter((s) => s !== IncidentSeverity.Low || kind === this.kinds[0]).map(
      (value) => ({ value, label: `${severityLabel(value)} or worse` }),
    );
  }

  protected describe(kind: EscalationStepKind): string {
    return describeTrigger(this.stepValue(kind));
  }

  /** The rule a control breaks, from the checks before sending or from the API. */
  protected problem(control: AbstractControl): string | null {
    const errors = control.errors;
    return (errors?.['rule'] as string | undefined) ?? null;
  }

  protected async save(): Promise<void> {
    const base = this.baseVersion();
    if (this.saving() || base === null) return;
    this.formError.set(null);
    const value = this.form.getRawValue() as SettingsFormValue;
    const problems = problemsOf(value);
    if (problems.length) {
      this.show(problems);
      return;
    }
    this.saving.set(true);
    try {
      const { saveEscalationSettings } = await firstValueFrom(
        this.client.request(SaveEscalationSettingsDocument, { input: inputOf(value, base) }),
      );
      await this.router.navigate(['/escalation'], {
        state: { saved: saveEscalationSettings.version },
      });
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      this.show([{ control: controlOf(field, value), message: errorMessage(error) }]);
    } finally {
      this.saving.set(false);
    }
  }

  private show(problems: FormProblem[]): void {
    for (const { control, message } of problems) {
      const target = control ? this.form.get(control) : null;
      if (!target) continue;
      target.setErrors({ ...(target.errors ?? {}), rule: message });
      target.markAsTouched();
    }
    this.formError.set(
      problems.length === 1
        ? problems[0].message
        : `There are ${problems.length} problems with the settings: see the fields marked below.`,
    );
    afterNextRender(
      { read: () => focusFirstInvalid(this.host.nativeElement) },
      {
        injector: this.injector,
      },
    );
  }

  private stepGroup(): StepGroup {
    return this.fb.group({
      included: [true],
      minSeverity: [IncidentSeverity.Offensive],
      incidentCount: this.fb.control<number | null>(1),
      withinDays: this.fb.control<number | null>(null),
    });
  }
}
