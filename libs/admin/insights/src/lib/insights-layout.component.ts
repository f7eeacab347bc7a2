import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterOutlet } from '@angular/router';
import { FormAlertComponent } from '@parley/admin/ui';
import { IcbsStore } from './model/icbs.store';
import { InsightsNavComponent } from './ui/insights-nav.component';

/** The insights pages, once the ICBs the person reviews are known. */
@Component({
  selector: 'parley-insights-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, MatButtonModule, FormAlertComponent, InsightsNavComponent],
  template: `
    <parley-insights-nav />
    @if (store.error(); as message) {
      <h1 class="page-title">Insights</h1>
      <parley-form-alert [message]="message" />
      <button mat-stroked-button type="button" (click)="store.load()">Try again</button>
    } @else if (store.icbs(); as icbs) {
      @if (icbs.length === 0) {
        <h1 class="page-title">Insights</h1>
        <p>There is no ICB for you to review yet.</p>
      } @else {
        <router-outlet />
      }
    } @else {
      <p role="status">Loading insights…</p>
    }
  `,
})
export class InsightsLayoutComponent {
  protected readonly store = inject(IcbsStore);
}
