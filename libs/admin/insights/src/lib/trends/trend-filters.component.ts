import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import { PERIOD_OPTIONS, type RangeOption, type TrendFilters } from '../model/filters';
import { IcbPickerComponent } from '../ui/icb-picker.component';

/** ICB, grouping and range of the trends; each choice goes into the address. */
@Component({
  selector: 'parley-insights-trend-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule, IcbPickerComponent],
  template: `
    <div class="filters" role="group" aria-label="What the trends cover">
      @if (icbs().length > 1) {
        <parley-insights-icb-picker [icbs]="icbs()" [selectedId]="icbId()" />
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Group by</mat-label>
        <mat-select [value]="filters().period" (selectionChange)="set({ period: $event.value })">
          @for (option of periodOptions; track option.value) {
            <mat-option [value]="option.value">{{ option.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Range</mat-label>
        <mat-select [value]="filters().range.key" (selectionChange)="set({ range: $event.value })">
          @for (range of ranges(); track range.key) {
            <mat-option [value]="range.key">{{ range.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
  `,
  styleUrls: ['../insights.css'],
})
export class TrendFiltersComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  readonly icbs = input.required<readonly { id: string; name: string }[]>();
  readonly icbId = input.required<string | null>();
  readonly filters = input.required<TrendFilters>();
  readonly ranges = input.required<readonly RangeOption[]>();
  protected readonly periodOptions = PERIOD_OPTIONS;

  protected set(change: Params): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: change,
      queryParamsHandling: 'merge',
    });
  }
}
