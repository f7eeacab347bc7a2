import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { InsightsTableFieldsFragment } from '../generated/graphql';
import { shownCount } from '../model/format';
import { FigureComponent } from './figure.component';

let nextId = 0;

/** A table of counts from the API with its totals; hidden counts stay hidden. */
@Component({
  selector: 'parley-insights-figures-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FigureComponent],
  template: `
    <h3 class="table-title" [id]="id">{{ table().title }}</h3>
    <p class="description">{{ table().description }}</p>
    <div class="table-scroll" tabindex="0" role="group" [attr.aria-labelledby]="id">
      <table class="figures" [attr.aria-labelledby]="id">
        <thead>
          <tr>
            <th scope="col">{{ rowHeading() }}</th>
            @for (column of table().columns; track column.key) {
              <th scope="col" class="numeric">{{ column.label }}</th>
            }
            <th scope="col" class="numeric">Total</th>
          </tr>
        </thead>
        <tbody>
          @for (row of table().rows; track row.key) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              @for (cell of row.cells; track $index) {
                <td class="numeric"><parley-insights-figure [shown]="shown(cell)" /></td>
              }
              <td class="numeric total"><parley-insights-figure [shown]="shown(row.total)" /></td>
            </tr>
          }
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            @for (cell of table().columnTotals; track $index) {
              <td class="numeric"><parley-insights-figure [shown]="shown(cell)" /></td>
            }
            <td class="numeric total">
              <parley-insights-figure [shown]="shown(table().grandTotal)" />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  `,
  styleUrls: ['../insights.css'],
})
export class FiguresTableComponent {
  readonly table = input.required<InsightsTableFieldsFragment>();
  /** What the rows are, for the first column's heading. */
  readonly rowHeading = input.required<string>();
  protected readonly id = `insights-table-${nextId++}`;
  protected readonly shown = shownCount;
}
