import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import {
  FFT_QUESTION,
  FFT_RATING_LABELS,
  type IsoDate,
  londonDateOf,
  Permission,
} from '@parley/shared/domain';
import { catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import {
  type FftMonthlyCountsQuery,
  FftMonthlyCountsDocument,
  type FftRating,
  RecordFftResponseDocument,
} from '../generated/graphql';
import { FFT_RATING_OPTIONS } from '../feedback-labels';

type FftMonth = FftMonthlyCountsQuery['fftMonthlyCounts'][number];

/** Months shown in the table, the current one last. */
export const FFT_MONTHS = 12;

/** The `yyyy-mm` months from `count - 1` months before `today`'s month to that month. */
export function monthRange(today: IsoDate, count: number): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 1 - (count - 1), 1));
  const label = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
  return { from: label(start.getUTCFullYear(), start.getUTCMonth() + 1), to: label(year, month) };
}

/** Friends and Family Test: record answers as they come in, and see the counts per month. */
@Component({
  selector: 'parley-feedback-fft-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatTableModule,
    FormAlertComponent,
  ],
  templateUrl: './fft.page.html',
  styleUrl: '../feedback.css',
})
export class FftPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly question = FFT_QUESTION;
  protected readonly ratingOptions = FFT_RATING_OPTIONS;
  protected readonly today = londonDateOf(new Date());
  protected readonly canLog = computed(() => this.session.can(Permission.FeedbackLog));
  protected readonly columns = [
    'month',
    'veryGood',
    'good',
    'neither',
    'poor',
    'veryPoor',
    'dontKnow',
    'total',
  ];
  protected readonly ratingColumns = [
    { key: 'veryGood', label: FFT_RATING_LABELS.very_good },
    { key: 'good', label: FFT_RATING_LABELS.good },
    { key: 'neither', label: FFT_RATING_LABELS.neither },
    { key: 'poor', label: FFT_RATING_LABELS.poor },
    { key: 'veryPoor', label: FFT_RATING_LABELS.very_poor },
    { key: 'dontKnow', label: FFT_RATING_LABELS.dont_know },
  ] as const;

  protected readonly form = inject(NonNullableFormBuilder).group({
    rating: [null as FftRating | null, Validators.required],
    comment: ['', Validators.maxLength(4000)],
    respondedOn: [this.today, Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal('');

  protected readonly months = signal<FftMonth[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  private readonly reloads = signal(0);

  constructor() {
    toObservable(
      computed(() => ({ practiceId: this.session.activePracticeId(), n: this.reloads() })),
    )
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          return this.client
            .request(FftMonthlyCountsDocument, monthRange(this.today, FFT_MONTHS))
            .pipe(
              map((r) => ({ months: r.fftMonthlyCounts })),
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
        // Newest month first, as people read the table.
        this.months.set([...result.months].sort((a, b) => b.month.localeCompare(a.month)));
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    this.status.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { rating, comment, respondedOn } = this.form.getRawValue();
    if (!rating) return;
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.client.request(RecordFftResponseDocument, {
          input: { rating, comment: comment.trim() || null, respondedOn },
        }),
      );
      this.status.set(`Response recorded: ${FFT_RATING_LABELS[rating]}.`);
      this.formDirective()?.resetForm({ rating: null, comment: '', respondedOn: this.today });
      this.reload();
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
