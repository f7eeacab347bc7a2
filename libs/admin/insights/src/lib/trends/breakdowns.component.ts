import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { InsightsTrendsQuery } from '../generated/graphql';
import { rowTotalsChart } from '../model/charts';
import { ChartComponent } from '../ui/chart.component';
import { FiguresTableComponent } from '../ui/figures-table.component';

/** The trend's tables by theme, channel, kind, outcome, FFT answer and incident, with a chart of themes. */
@Component({
  selector: 'parley-insights-breakdowns',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartComponent, FiguresTableComponent],
  template: `
    @let t = trends();
    <section aria-labelledby="insights-themes">
      <h2 id="insights-themes" class="section-title">Themes, channels and outcomes</h2>
      <h3 class="chart-title">Complaints by subject area, over the whole range</h3>
      <parley-insights-chart [chart]="themeChart()" [height]="themeChartHeight()" />
      <parley-insights-figures-table [table]="t.complaintsByTheme" rowHeading="Subject area" />
      <parley-insights-figures-table [table]="t.feedbackByChannel" rowHeading="Channel" />
      <parley-insights-figures-table [table]="t.feedbackByKind" rowHeading="Kind" />
      <parley-insights-figures-table [table]="t.acknowledgement" rowHeading="Acknowledgement" />
      <parley-insights-figures-table [table]="t.resolvedByOutcome" rowHeading="Outcome" />
    </section>
    <section aria-labelledby="insights-fft">
      <h2 id="insights-fft" class="section-title">Friends and Family Test</h2>
      <parley-insights-figures-table [table]="t.fftByRating" rowHeading="Answer" />
    </section>
    <section aria-labelledby="insights-incidents">
      <h2 id="insights-incidents" class="section-title">Social-media incidents and escalation</h2>
      <parley-insights-figures-table [table]="t.incidentsBySeverity" rowHeading="Severity" />
      <parley-insights-figures-table [table]="t.incidentsByPlatform" rowHeading="Platform" />
      <parley-insights-figures-table [table]="t.escalationSteps" rowHeading="Step" />
    </section>
  `,
  styleUrls: ['../insights.css'],
})
export class BreakdownsComponent {
  readonly trends = input.required<InsightsTrendsQuery['insightsTrends']>();
  protected readonly themeChart = computed(() =>
    rowTotalsChart(this.trends().complaintsByTheme, 'Complaints'),
  );
  protected readonly themeChartHeight = computed(
    () => 80 + 28 * this.trends().complaintsByTheme.rows.length,
  );
}
