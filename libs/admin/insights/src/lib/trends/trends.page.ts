import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { londonDateOf } from '@parley/shared/domain';
import { map } from 'rxjs';
import { InsightsTrendsDocument } from '../generated/graphql';
import { CsvDownloads } from '../model/csv-download';
import { queryOnChange } from '../model/query-on-change';
import { rangeOptions, trendFiltersFrom } from '../model/filters';
import { formatNumber, rangeText, shownCount } from '../model/format';
import { injectIcbChoice } from '../model/icbs.store';
import { flaggedCount, practiceRows } from '../model/rows';
import { FigureComponent } from '../ui/figure.component';
import { BreakdownsComponent } from './breakdowns.component';
import { OverTimeComponent } from './over-time.component';
import { PracticeComparisonComponent } from './practice-comparison.component';
import { ThresholdsComponent } from './thresholds.component';
import { TrendFiltersComponent } from './trend-filters.component';

/**
 * Complaint and feedback trends of an ICB, or (with `practiceId`, from the address) of one of its
 * practices. Aggregates only, suppressed by the API; nothing here leads to an item.
 */
@Component({
  selector: 'parley-insights-trends-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    FormAlertComponent,
    FigureComponent,
    TrendFiltersComponent,
    OverTimeComponent,
    PracticeComparisonComponent,
    ThresholdsComponent,
    BreakdownsComponent,
  ],
  templateUrl: './trends.page.html',
  styleUrls: ['../insights.css'],
})
export class TrendsPage {
  private readonly client = inject(GraphqlClient);
  private readonly downloads = inject(CsvDownloads);

  /** Set on a practice's drill-down (route parameter). */
  readonly practiceId = input<string | undefined>(undefined);

  protected readonly choice = injectIcbChoice();
  private readonly today = londonDateOf(new Date());
  protected readonly ranges = rangeOptions(this.today);
  protected readonly filters = computed(() => trendFiltersFrom(this.choice.params(), this.today));
  /** The practice from the ICB's list, for the heading while its figures load. */
  protected readonly practice = computed(() => {
    const id = this.practiceId();
    return id ? (this.choice.icb()?.practices.find((p) => p.id === id) ?? null) : null;
  });

  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  private readonly reloads = signal(0);

  protected readonly flagged = computed(() => {
    const t = this.trends();
    return t ? flaggedCount(t) : 0;
  });
  /** The drill-down's own figures over the range (the API's summary of the one practice). */
  protected readonly summary = computed(() => {
    const t = this.trends();
    const row = t && t.practice ? practiceRows(t)[0] : undefined;
    return row ?? null;
  });
  protected readonly patients = computed(() =>
    formatNumber(this.trends()?.registeredPatients ?? 0),
  );
  protected readonly shownCount = shownCount;
  protected readonly rangeText = rangeText;

  private readonly variables = computed(() => {
    const icb = this.choice.icb();
    const { period, range } = this.filters();
    if (!icb) return null;
    return {
      icbId: icb.id,
      period,
      from: range.from,
      to: range.to,
      practiceId: this.practiceId() ?? null,
      n: this.reloads(),
    };
  });

  private readonly query = queryOnChange(this.variables, (request) =>
    this.client.request(InsightsTrendsDocument, request).pipe(map((r) => r.insightsTrends)),
  );
  protected readonly trends = this.query.value;
  protected readonly loading = this.query.loading;
  protected readonly loadError = this.query.error;

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected async downloadCsv(): Promise<void> {
    const variables = this.variables();
    if (!variables || this.downloading()) return;
    this.downloading.set(true);
    this.downloadError.set(null);
    try {
      await this.downloads.save(
        'trends.csv',
        {
          icbId: variables.icbId,
          period: variables.period,
          from: variables.from,
          to: variables.to,
          practiceId: variables.practiceId,
        },
        `trends-${variables.from}-${variables.to}.csv`,
      );
    } catch (error) {
      this.downloadError.set(error instanceof Error ? error.message : String(error));
    } finally {
      this.downloading.set(false);
    }
  }
}
