import { DatePipe } from '@angular/common';
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
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ApiError, errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { EMAIL_PATTERN, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { DEFAULT_CLOCK_SETTINGS, Permission } from '@parley/shared/domain';
import { catchError, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import {
  ChannelKind,
  type ComplainantStatus,
  FeedbackChannelsDocument,
  type FeedbackChannelsQuery,
  FeedbackKind,
  FeedbackTimeLimitDocument,
  type LogFeedbackInput,
  LogFeedbackDocument,
  type PatientAgeBand,
  Sentiment,
  type StaffGroup,
  type SubjectArea,
} from '../generated/graphql';
import {
  AGE_BAND_OPTIONS,
  COMPLAINANT_STATUS_OPTIONS,
  KIND_OPTIONS,
  SENTIMENT_OPTIONS,
  STAFF_GROUP_OPTIONS,
  SUBJECT_AREA_OPTIONS,
} from '../feedback-labels';
import {
  inWords,
  notAfterReceipt,
  notBeforeEvent,
  notBlank,
  notInFuture,
  PHONE_PATTERN,
  timeLimitOf,
  toDateTimeLocal,
} from './intake';

type Channel = FeedbackChannelsQuery['channels'][number];

const ORAL_CHANNELS: readonly ChannelKind[] = [ChannelKind.InPerson, ChannelKind.Phone];
const USUAL_SENTIMENT: Record<FeedbackKind, Sentiment> = {
  [FeedbackKind.Complaint]: Sentiment.Negative,
  [FeedbackKind.Compliment]: Sentiment.Positive,
  [FeedbackKind.Suggestion]: Sentiment.Neutral,
};
/** Controls that only a complaint has; switched off (and not sent) for other kinds. */
const COMPLAINT_ONLY = ['coding', 'eventOn', 'awareOn', 'timeLimitWaivedBecause'] as const;

/** Logs one item of feedback as it arrives: at the desk, by phone, by letter or email. */
@Component({
  selector: 'parley-feedback-new-item-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
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
  templateUrl: './new-item.page.html',
  styleUrl: '../feedback.css',
})
export class NewItemPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = computed(() => this.session.can(Permission.FeedbackManage));
  protected readonly kindOptions = KIND_OPTIONS;
  protected readonly sentimentOptions = SENTIMENT_OPTIONS;
  protected readonly subjectAreaOptions = SUBJECT_AREA_OPTIONS;
  protected readonly staffGroupOptions = STAFF_GROUP_OPTIONS;
  protected readonly complainantStatusOptions = COMPLAINANT_STATUS_OPTIONS;
  protected readonly ageBandOptions = AGE_BAND_OPTIONS;
  protected readonly maxReceivedAt = toDateTimeLocal(new Date());

  protected readonly form = this.fb.group({
    channelId: ['', Validators.required],
    receivedAt: [toDateTimeLocal(new Date()), [Validators.required, notInFuture]],
    kind: [null as FeedbackKind | null, Validators.required],
    sentiment: [null as Sentiment | null, Validators.required],
    summary: ['', [Validators.required, notBlank, Validators.maxLength(4000)]],
    oral: [false],
    coding: this.fb.group({
      subjectAreas: [[] as SubjectArea[]],
      staffGroups: [[] as StaffGroup[]],
      complainantStatus: [null as ComplainantStatus | null],
      ageBand: [null as PatientAgeBand | null],
    }),
    eventOn: ['', notAfterReceipt],
    awareOn: ['', [notAfterReceipt, notBeforeEvent]],
    timeLimitWaivedBecause: ['', [notBlank, Validators.maxLength(1000)]],
    contact: this.fb.group({
      name: ['', Validators.maxLength(200)],
      email: ['', [Validators.pattern(EMAIL_PATTERN), Validators.maxLength(254)]],
      phone: ['', Validators.pattern(PHONE_PATTERN)],
    }),
  });

  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    {
      initialValue: this.form.getRawValue(),
    },
  );
  protected readonly isComplaint = computed(() => this.value().kind === FeedbackKind.Complaint);
  /** The practice's time limit in months; the regulations' 12 until its settings arrive. */
  protected readonly timeLimitMonths = signal(DEFAULT_CLOCK_SETTINGS.timeLimitMonths);
  protected readonly timeLimit = computed(() => {
    const v = this.value();
    return this.isComplaint()
      ? timeLimitOf(v.receivedAt, v.eventOn, v.awareOn, this.timeLimitMonths())
      : null;
  });

  protected readonly channels = signal<Channel[]>([]);
  protected readonly channelsError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    toObservable(computed(() => this.session.activePracticeId()))
      .pipe(
        switchMap(() =>
          this.client.request(FeedbackChannelsDocument, {}).pipe(
            map((r) => ({ channels: r.channels })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if ('error' in result) {
          this.channelsError.set(result.error);
          return;
        }
        this.channelsError.set(null);
        // Switched-off channels stay choosable (post still arrives), after the others.
        this.channels.set(
          [...result.channels].sort((a, b) => Number(b.enabled) - Number(a.enabled)),
        );
      });
    toObservable(computed(() => this.session.activePracticeId()))
      .pipe(
        switchMap(() =>
          this.client.request(FeedbackTimeLimitDocument, {}).pipe(
            map((r) => r.escalationSettings.clocks.timeLimitMonths),
            catchError(() => of(DEFAULT_CLOCK_SETTINGS.timeLimitMonths)), // the API checks it again anyway
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((months) => this.timeLimitMonths.set(months));

    const { controls } = this.form;
    controls.kind.valueChanges
      .pipe(startWith(controls.kind.value), takeUntilDestroyed())
      .subscribe((kind) => {
        for (const name of COMPLAINT_ONLY) {
          const control = controls[name] as AbstractControl;
          if (kind === FeedbackKind.Complaint) control.enable({ emitEvent: false });
          else control.disable({ emitEvent: false });
        }
        // Suggest the usual tone until someone chooses one.
        if (kind && controls.sentiment.pristine) controls.sentiment.setValue(USUAL_SENTIMENT[kind]);
      });
    controls.channelId.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      const channel = this.channels().find((c) => c.id === id);
      if (channel && controls.oral.pristine)
        controls.oral.setValue(ORAL_CHANNELS.includes(channel.kind));
    });
    // The dates are checked against each other: re-check them when one changes.
    controls.receivedAt.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      controls.eventOn.updateValueAndValidity({ emitEvent: false });
      controls.awareOn.updateValueAndValidity({ emitEvent: false });
    });
    controls.eventOn.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => controls.awareOn.updateValueAndValidity({ emitEvent: false }));
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    try {
      const { logFeedback } = await firstValueFrom(
        this.client.request(LogFeedbackDocument, { input: this.input() }),
      );
      await this.router.navigate(['..', logFeedback.id], {
        relativeTo: this.route,
        state: { logged: logFeedback.reference },
      });
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  private input(): LogFeedbackInput {
    const v = this.form.getRawValue();
    const complaint = v.kind === FeedbackKind.Complaint;
    const outOfTime = this.timeLimit()?.withinLimit === false;
    const text = (value: string) => value.trim() || null;
    const contact = {
      name: text(v.contact.name),
      email: text(v.contact.email),
      phone: text(v.contact.phone),
    };
    return {
      channelId: v.channelId,
      receivedAt: new Date(v.receivedAt).toISOString(),
      kind: v.kind as FeedbackKind,
      sentiment: v.sentiment as Sentiment,
      summary: v.summary.trim(),
      oral: v.oral,
      coding: complaint ? v.coding : null,
      eventOn: complaint ? v.eventOn || null : null,
      awareOn: complaint ? v.awareOn || null : null,
      timeLimitWaivedBecause:
        complaint && outOfTime && this.canManage() ? text(v.timeLimitWaivedBecause) : null,
      contact: contact.name || contact.email || contact.phone ? contact : null,
    };
  }

  /** A field error goes under its field (`extensions.field`); anything else above the form. */
  private showError(error: unknown): void {
    const field = error instanceof ApiError ? error.field?.replace(/^input\./, '') : undefined;
    const control = field ? this.form.get(field) : null;
    if (error instanceof ApiError && field && control && !('controls' in control)) {
      control.setErrors({ ...(control.errors ?? {}), server: inWords(error.message, field) });
      control.markAsTouched();
      // Once the field shows as invalid.
      afterNextRender(
        { read: () => focusFirstInvalid(this.host.nativeElement) },
        { injector: this.injector },
      );
      return;
    }
    this.error.set(error instanceof ApiError ? inWords(error.message, field) : errorMessage(error));
  }
}
