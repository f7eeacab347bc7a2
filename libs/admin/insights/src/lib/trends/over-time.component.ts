import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { InsightsTrendsQuery } from '../generated/graphql';
import { seriesChart } from '../model/charts';
import { periodRows } from '../model/rows';
import { ChartComponent } from '../ui/chart.component';
import { FigureComponent } from '../ui/figure.component';

/** Complaints period by period: two charts and the table they are drawn from. */
@Component({
  selector: 'parley-insights-over-time',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartComponent, FigureComponent],
  template: `
    <div class="charts">
      <div>
        <h3 class="chart-title">Complaints per 1,000 registered patients per year</h3>
        <parley-insights-chart [chart]="rateChart()" />
      </div>
      <div>
        <h3 class="chart-title">Acknowledged within 3 working days (%)</h3>
        <parley-insights-chart [chart]="acknowledgedChart()" />
      </div>
    </div>
    <p class="description">
      Where a figure is not shown, its line has a gap. Every figure is in the table below.
    </p>
    <h3 class="table-title" id="insights-over-time-table">Complaints by period</h3>
    <p class="description">
      Complaints received in each period (under the regulations, not withdrawn), their rate per
      1,000 registered patients per year and the share acknowledged within 3 working days.
    </p>
    <div class="table-scroll" tabindex="0" role="group" aria-labelledby="insights-over-time-table">
      <table class="figures" aria-labelledby="insights-over-time-table">
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" class="numeric">Complaints</th>
            <th scope="col" class="numeric">Per 1,000 patients per year</th>
            <th scope="col" class="numeric">Acknowledged within 3 working days</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              <td class="numeric"><parley-insights-figure [shown]="row.complaints" /></td>
              <td class="numeric"><parley-insights-figure [shown]="row.rate" /></td>
              <td class="numeric"><parley-insights-figure [shown]="row.acknowledged" /></td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrls: ['../insights.css'],
})
export class OverTimeComponent {
  readonly trends = input.required<InsightsTrendsQuery['insightsTrends']>();
  protected readonly rows = computed(() => periodRows(this.trends()));
  protected readonly rateChart = computed(() => seriesChart(this.trends(), 'rate'));
  protected readonly acknowledgedChart = computed(() => seriesChart(this.trends(), 'acknowledged'));
}
