import { DatePipe, formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  LOCALE_ID,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiError, errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { applyServerError, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { COMPLAINT_RETENTION } from '@parley/shared/domain';
import { catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import { DecisionFormComponent } from './decision-form.component';
import {
  RetentionDecision,
  RetentionReviewDocument,
  type RetentionReviewItemFieldsFragment,
  type RetentionSettingsFieldsFragment,
  RetentionSettingsDocument,
  SaveRetentionSettingsDocument,
} from './generated/graphql';

type Item = RetentionReviewItemFieldsFragment;

const PAGE_SIZE = 25;

/**
 * Retention of closed complaint records: how many years they are kept, and the records whose
 * period has run, for a manager to keep longer or approve for destruction. Parley deletes nothing.
 */
@Component({
  selector: 'parley-retention-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    FormAlertComponent,
    DecisionFormComponent,
  ],
  templateUrl: './retention.page.html',
  styleUrl: './retention.css',
})
export class RetentionPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly locale = inject(LOCALE_ID);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly minYears = COMPLAINT_RETENTION.minYears;
  protected readonly maxYears = COMPLAINT_RETENTION.maxYears;

  protected readonly settings = signal<RetentionSettingsFieldsFragment | null>(null);
  protected readonly settingsForm = inject(NonNullableFormBuilder).group({
    // The range is the API's to enforce: its refusal names the Records Management Code.
    retentionYears: [null as number | null, [Validators.required, Validators.pattern(/^\d+$/)]],
  });
  protected readonly savingSettings = signal(false);
  protected readonly settingsError = signal<string | null>(null);

  protected readonly onlyDue = signal(true);
  protected readonly items = signal<Item[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly dueCount = signal(0);
  protected readonly endCursor = signal<string | null>(null);
  protected readonly hasNextPage = signal(false);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** The record whose decision form is open. */
  protected readonly deciding = signal<Item | null>(null);
  /** Said after something changed. */
  protected readonly status = signal('');
  private readonly reloads = signal(0);

  protected readonly summary = computed(() => {
    const due = this.dueCount();
    const total = this.totalCount();
    const records = (n: number) => (n === 1 ? '1 record' : `${n} records`);
    return `${records(total)} past the retention period; ${due} awaiting a decision.`;
  });

  protected readonly caption = computed(() =>
    this.onlyDue()
      ? 'Complaint records awaiting a decision, oldest closure first'
      : 'Complaint records past their retention period, oldest closure first',
  );

  constructor() {
    toObservable(
      computed(() => ({
        practiceId: this.session.activePracticeId(),
        onlyDue: this.onlyDue(),
        n: this.reloads(),
      })),
    )
      .pipe(
        switchMap(({ onlyDue }) => {
          this.loading.set(true);
          return this.client.request(RetentionReviewDocument, { onlyDue, first: PAGE_SIZE }).pipe(
            map((r) => ({ page: r.retentionReview })),
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
        this.items.set(result.page.items);
        this.takePage(result.page);
      });

    toObservable(computed(() => this.session.activePracticeId()))
      .pipe(
        switchMap(() =>
          this.client.request(RetentionSettingsDocument, {}).pipe(
            map((r) => r.retentionSettings),
            catchError((error: unknown) => {
              this.settingsError.set(errorMessage(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((settings) => {
        if (!settings) return;
        this.settings.set(settings);
        this.settingsForm.reset({ retentionYears: settings.retentionYears });
      });
  }

  /** "10 years (the default)" or "12 years, set by Wendy Manager on 4 March 2030". */
  protected periodLine(settings: RetentionSettingsFieldsFragment): string {
    const years = `${settings.retentionYears} years after closure`;
    if (settings.isDefault) return `${years} (the default).`;
    const who = settings.updatedBy ? ` by ${settings.updatedBy}` : '';
    const when = settings.updatedAt
      ? ` on ${formatDate(settings.updatedAt, 'd MMMM y', this.locale)}`
      : '';
    return `${years}, set${who}${when}.`;
  }

  protected decisionLine(item: Item): string {
    const review = item.latestReview;
    if (!review) return 'None yet';
    const on = formatDate(review.decidedAt, 'd MMM y', this.locale);
    const by = review.decidedBy ? ` by ${review.decidedBy}` : '';
    if (review.decision === RetentionDecision.ApprovedForDestruction)
      return `Approved for destruction${by}, ${on}`;
    const until = review.keepUntil
      ? `, until ${formatDate(review.keepUntil, 'd MMM y', this.locale)}`
      : '';
    return `Keep ${review.keepYears} more years${until}${by}, ${on}`;
  }

  protected setOnlyDue(onlyDue: boolean): void {
    this.status.set('');
    this.deciding.set(null);
    this.onlyDue.set(onlyDue);
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected async loadMore(): Promise<void> {
    if (this.loadingMore() || !this.hasNextPage()) return;
    this.loadingMore.set(true);
    try {
      const { retentionReview } = await firstValueFrom(
        this.client.request(RetentionReviewDocument, {
          onlyDue: this.onlyDue(),
          first: PAGE_SIZE,
          after: this.endCursor(),
        }),
      );
      this.items.update((list) => [...list, ...retentionReview.items]);
      this.takePage(retentionReview);
      this.status.set(`${retentionReview.items.length} more records shown.`);
    } catch (error) {
      this.loadError.set(errorMessage(error));
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async saveSettings(): Promise<void> {
    if (this.savingSettings()) return;
    this.settingsError.set(null);
    this.status.set('');
    const control = this.settingsForm.controls.retentionYears;
    if (control.invalid) {
      control.markAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.savingSettings.set(true);
    try {
      const { saveRetentionSettings } = await firstValueFrom(
        this.client.request(SaveRetentionSettingsDocument, {
          input: { retentionYears: Number(control.value) },
        }),
      );
      this.settings.set(saveRetentionSettings);
      this.settingsForm.reset({ retentionYears: saveRetentionSettings.retentionYears });
      this.status.set(
        `Saved: records are kept ${saveRetentionSettings.retentionYears} years after closure.`,
      );
      // Which records are due depends on the period.
      this.deciding.set(null);
      this.reload();
    } catch (error) {
      if (error instanceof ApiError && applyServerError(this.settingsForm, error))
        focusFirstInvalid(this.host.nativeElement);
      else this.settingsError.set(errorMessage(error));
    } finally {
      this.savingSettings.set(false);
    }
  }

  protected decide(item: Item): void {
    this.status.set('');
    this.deciding.set(item);
    // The form appears below the table: take the person there.
    setTimeout(() =>
      this.host.nativeElement.querySelector<HTMLElement>('#retention-decision')?.focus(),
    );
  }

  protected recorded(updated: Item): void {
    const wasDue = this.items().find(
      (i) => i.feedbackId === updated.feedbackId,
    )?.retentionReviewDue;
    this.items.update((list) =>
      this.onlyDue() && !updated.retentionReviewDue
        ? list.filter((i) => i.feedbackId !== updated.feedbackId)
        : list.map((i) => (i.feedbackId === updated.feedbackId ? updated : i)),
    );
    if (wasDue && !updated.retentionReviewDue) this.dueCount.update((n) => Math.max(0, n - 1));
    this.deciding.set(null);
    this.status.set(
      `Complaint ${updated.reference}: ${this.decisionLine(updated)}. Nothing was deleted.`,
    );
  }

  private takePage(page: {
    totalCount: number;
    dueCount: number;
    hasNextPage: boolean;
    endCursor: string | null;
  }): void {
    this.totalCount.set(page.totalCount);
    this.dueCount.set(page.dueCount);
    this.hasNextPage.set(page.hasNextPage);
    this.endCursor.set(page.endCursor);
  }
}
