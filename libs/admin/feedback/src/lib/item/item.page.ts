import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, map, of, switchMap } from 'rxjs';
import {
  FeedbackItemDocument,
  type FeedbackItemFieldsFragment,
  FeedbackKind,
} from '../generated/graphql';
import {
  ageBandLabel,
  complainantStatusLabel,
  kindLabel,
  outcomeLabel,
  sentimentLabel,
  sourceLabel,
  staffGroupLabel,
  stepLabel,
  subjectAreaLabel,
} from '../feedback-labels';
import { StatusChipComponent } from '../status-chip.component';
import { type ItemChange, ItemClocksComponent } from './item-clocks.component';
import { WorkflowActionsComponent } from './workflow-actions.component';

/** One item of the log: the facts, the statutory clocks, the next steps and the history. */
@Component({
  selector: 'parley-feedback-item-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    FormAlertComponent,
    StatusChipComponent,
    ItemClocksComponent,
    WorkflowActionsComponent,
  ],
  templateUrl: './item.page.html',
  styleUrl: '../feedback.css',
})
export class ItemPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);

  /** From the route (`/feedback/:id`). */
  readonly id = input.required<string>();

  protected readonly canLog = computed(() => this.session.can(Permission.FeedbackLog));
  protected readonly canManage = computed(() => this.session.can(Permission.FeedbackManage));
  protected readonly labels = {
    kind: kindLabel,
    sentiment: sentimentLabel,
    source: sourceLabel,
    outcome: outcomeLabel,
    step: stepLabel,
    subjectArea: subjectAreaLabel,
    staffGroup: staffGroupLabel,
    complainantStatus: complainantStatusLabel,
    ageBand: ageBandLabel,
  };

  protected readonly item = signal<FeedbackItemFieldsFragment | null>(null);
  protected readonly isComplaint = computed(() => this.item()?.kind === FeedbackKind.Complaint);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  /** Said once after something changed, e.g. "Logged as 3F2A9C1B." */
  protected readonly status = signal('');
  private readonly reloads = signal(0);

  constructor() {
    const logged = inject(Router).currentNavigation()?.extras.state?.['logged'];
    if (typeof logged === 'string') this.status.set(`Logged. The reference is ${logged}.`);

    toObservable(
      computed(() => ({
        id: this.id(),
        practiceId: this.session.activePracticeId(),
        n: this.reloads(),
      })),
    )
      .pipe(
        switchMap(({ id }) => {
          this.loading.set(true);
          return this.client.request(FeedbackItemDocument, { id }).pipe(
            map((r) => ({ item: r.feedbackItem })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('error' in result) {
          this.loadError.set(result.error);
          this.item.set(null);
          return;
        }
        this.loadError.set(null);
        this.item.set(result.item);
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  /** After a step or record: read the item again (clocks, history, next steps) and say what happened. */
  protected onChanged(change: ItemChange): void {
    this.status.set(change.message);
    this.reload();
  }
}
