import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { BaseChartDirective } from 'ng2-charts';
import type { ChartModel } from '../model/charts';

/**
 * A chart drawn by Chart.js. To assistive technology it is one image described by the model's
 * summary; the figures themselves are always in a table next to it.
 */
@Component({
  selector: 'parley-insights-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  template: `
    <div class="chart" [style.height.px]="height()">
      <canvas
        baseChart
        role="img"
        [attr.aria-label]="chart().summary"
        [type]="chart().config.type"
        [data]="chart().config.data"
        [options]="chart().config.options"
      >
        {{ chart().summary }}
      </canvas>
    </div>
  `,
  styles: `
    .chart {
      position: relative;
      width: 100%;
      max-width: 48rem;
    }
  `,
})
export class ChartComponent {
  readonly chart = input.required<ChartModel>();
  readonly height = input(260);
}
