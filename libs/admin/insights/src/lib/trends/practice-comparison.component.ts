import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { InsightsTrendsQuery } from '../generated/graphql';
import { practiceRateChart } from '../model/charts';
import { practiceRows } from '../model/rows';
import { ChartComponent } from '../ui/chart.component';
import { FigureComponent } from '../ui/figure.component';

/** The ICB's practices side by side over the range, with the ICB's flags; each links to its own trends. */
@Component({
  selector: 'parley-insights-practice-comparison',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ChartComponent, FigureComponent],
  template: `
    <h3 class="chart-title">Complaints per 1,000 registered patients per year, by practice</h3>
    <parley-insights-chart [chart]="chart()" [height]="chartHeight()" />
    <h3 class="table-title" id="insights-practices-table">Practices compared</h3>
    <p class="description">
      Complaints received over the whole range, by whether they were acknowledged within 3 working
      days. Open a practice for its own trends.
    </p>
    <div class="table-scroll" tabindex="0" role="group" aria-labelledby="insights-practices-table">
      <table class="figures" aria-labelledby="insights-practices-table">
        <thead>
          <tr>
            <th scope="col">Practice</th>
            <th scope="col" class="numeric">Registered patients</th>
            <th scope="col" class="numeric">Complaints</th>
            <th scope="col" class="numeric">Acknowledged within 3 working days</th>
            <th scope="col" class="numeric">Acknowledged later, or not</th>
            <th scope="col" class="numeric">Per 1,000 patients per year</th>
            <th scope="col" class="numeric">% acknowledged in time</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.id) {
            <tr>
              <th scope="row">
                <a [routerLink]="['practices', row.id]" queryParamsHandling="preserve">{{
                  row.name
                }}</a>
              </th>
              <td class="numeric">{{ row.patients }}</td>
              <td class="numeric"><parley-insights-figure [shown]="row.complaints" /></td>
              <td class="numeric"><parley-insights-figure [shown]="row.within" /></td>
              <td class="numeric"><parley-insights-figure [shown]="row.notWithin" /></td>
              <td class="numeric"><parley-insights-figure [shown]="row.rate" /></td>
              <td class="numeric"><parley-insights-figure [shown]="row.acknowledged" /></td>
              <td>
                @for (flag of row.flags; track flag) {
                  <span class="flag">{{ flag }}.</span>
                }
                @for (note of row.notAssessed; track note) {
                  <span class="flag-note">{{ note }}.</span>
                }
                @if (row.flags.length === 0 && row.notAssessed.length === 0) {
                  <span class="muted">None</span>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrls: ['../insights.css'],
})
export class PracticeComparisonComponent {
  readonly trends = input.required<InsightsTrendsQuery['insightsTrends']>();
  protected readonly rows = computed(() => practiceRows(this.trends()));
  protected readonly chart = computed(() => practiceRateChart(this.trends()));
  protected readonly chartHeight = computed(() => 80 + 36 * this.trends().practices.length);
}
