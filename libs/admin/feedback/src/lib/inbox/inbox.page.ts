import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, map, of, switchMap } from 'rxjs';
import {
  FeedbackChannelsDocument,
  type FeedbackChannelsQuery,
  type FeedbackFilter,
  FeedbackItemsDocument,
  type FeedbackItemsQuery,
  type FeedbackKind,
  type FeedbackStatus,
} from '../generated/graphql';
import { KIND_OPTIONS, kindLabel, overdueNotes, STATUS_OPTIONS } from '../feedback-labels';
import { StatusChipComponent } from '../status-chip.component';

type ListItem = FeedbackItemsQuery['feedbackItems']['items'][number];
type Channel = FeedbackChannelsQuery['channels'][number];

export const PAGE_SIZE = 25;

/** The inbox's filters, kept in the address so they survive opening an item and coming back. */
interface InboxFilters {
  status: FeedbackStatus | null;
  kind: FeedbackKind | null;
  channelId: string | null;
  overdue: boolean;
  search: string;
}

function filtersFrom(params: Params): InboxFilters {
  const pick = <T extends string>(value: unknown, allowed: readonly { value: T }[]) =>
    allowed.find((o) => o.value === value)?.value ?? null;
  return {
    status: pick(params['status'], STATUS_OPTIONS),
    kind: pick(params['kind'], KIND_OPTIONS),
    channelId:
      typeof params['channel'] === 'string' && params['channel'] ? params['channel'] : null,
    overdue: params['overdue'] === 'true',
    search: typeof params['q'] === 'string' ? params['q'].trim() : '',
  };
}

function toApiFilter(f: InboxFilters): FeedbackFilter {
  return {
    status: f.status,
    kind: f.kind,
    channelId: f.channelId,
    overdue: f.overdue ? true : null,
    search: f.search || null,
  };
}

/** The practice's feedback and complaints log, newest first, with filters, search and paging. */
@Component({
  selector: 'parley-feedback-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatTableModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    FormAlertComponent,
    StatusChipComponent,
  ],
  templateUrl: './inbox.page.html',
  styleUrl: '../feedback.css',
})
export class InboxPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly canLog = computed(() => this.session.can(Permission.FeedbackLog));
  protected readonly canManage = computed(() => this.session.can(Permission.FeedbackManage));
  protected readonly practiceName = computed(
    () => this.session.activePractice()?.name ?? 'this practice',
  );
  protected readonly statusOptions = STATUS_OPTIONS;
  protected readonly kindOptions = KIND_OPTIONS;
  protected readonly kindLabel = kindLabel;
  protected readonly overdueNotes = overdueNotes;
  protected readonly columns = [
    'reference',
    'receivedAt',
    'kind',
    'summary',
    'channel',
    'status',
    'attention',
  ];

  protected readonly filters = toSignal(this.route.queryParams.pipe(map(filtersFrom)), {
    initialValue: filtersFrom(this.route.snapshot.queryParams),
  });
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.status || f.kind || f.channelId || f.overdue || f.search);
  });

  protected readonly channels = signal<Channel[]>([]);
  protected readonly items = signal<ListItem[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  private readonly reloads = signal(0);

  /** `after` of each page shown so far; back to the first page whenever the filters or practice change. */
  private readonly cursors = linkedSignal<unknown, (string | null)[]>({
    source: () => ({ filters: this.filters(), practiceId: this.session.activePracticeId() }),
    computation: () => [null],
  });
  protected readonly pageIndex = computed(() => this.cursors().length - 1);
  protected readonly firstShown = computed(() => this.pageIndex() * PAGE_SIZE + 1);
  protected readonly lastShown = computed(() => this.pageIndex() * PAGE_SIZE + this.items().length);

  constructor() {
    toObservable(computed(() => this.session.activePracticeId()))
      .pipe(
        switchMap(() =>
          this.client.request(FeedbackChannelsDocument, {}).pipe(
            map((r) => r.channels),
            catchError(() => of<Channel[]>([])), // the channel filter is a nicety; the list still works
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((channels) => this.channels.set(channels));

    toObservable(
      computed(() => ({
        filter: toApiFilter(this.filters()),
        after: this.cursors().at(-1) ?? null,
        practiceId: this.session.activePracticeId(),
        n: this.reloads(),
      })),
    )
      .pipe(
        switchMap(({ filter, after }) => {
          this.loading.set(true);
          return this.client
            .request(FeedbackItemsDocument, { filter, first: PAGE_SIZE, after })
            .pipe(
              map((r) => r.feedbackItems),
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
        this.items.set(result.items);
        this.totalCount.set(result.totalCount);
        this.nextCursor.set(result.hasNextPage ? result.endCursor : null);
      });
  }

  protected setFilter(changes: Partial<InboxFilters>): void {
    const next = { ...this.filters(), ...changes };
    const queryParams: Params = {
      status: next.status ?? undefined,
      kind: next.kind ?? undefined,
      channel: next.channelId ?? undefined,
      overdue: next.overdue ? 'true' : undefined,
      q: next.search.trim() || undefined,
    };
    void this.router.navigate([], { relativeTo: this.route, queryParams });
  }

  protected search(event: Event, value: string): void {
    event.preventDefault();
    this.setFilter({ search: value });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected nextPage(): void {
    const cursor = this.nextCursor();
    if (cursor) this.cursors.update((list) => [...list, cursor]);
  }

  protected previousPage(): void {
    this.cursors.update((list) => (list.length > 1 ? list.slice(0, -1) : list));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected shorten(text: string): string {
    return text.length > 120 ? `${text.slice(0, 117).trimEnd()}…` : text;
  }
}
