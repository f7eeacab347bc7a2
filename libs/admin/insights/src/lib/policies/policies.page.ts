import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { catchError, map, of, switchMap } from 'rxjs';
import {
  InsightsPolicyOverviewDocument,
  type InsightsPolicyOverviewQuery,
} from '../generated/graphql';
import { policyWarningText } from '../model/format';
import { injectIcbChoice } from '../model/icbs.store';
import { IcbPickerComponent } from '../ui/icb-picker.component';

type PolicyRow = InsightsPolicyOverviewQuery['insightsPolicyOverview'][number];

/** Each practice's published social media policy: version, dates and the policy check's warnings. */
@Component({
  selector: 'parley-insights-policies-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, FormAlertComponent, IcbPickerComponent],
  templateUrl: './policies.page.html',
  styleUrls: ['../insights.css'],
})
export class PoliciesPage {
  private readonly client = inject(GraphqlClient);
  protected readonly choice = injectIcbChoice();
  protected readonly rows = signal<PolicyRow[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  private readonly reloads = signal(0);
  protected readonly warningText = policyWarningText;
  protected readonly withWarnings = computed(
    () => this.rows()?.filter((r) => r.warningCodes.length > 0).length ?? 0,
  );
  protected readonly unpublished = computed(
    () => this.rows()?.filter((r) => r.versionNumber === null).length ?? 0,
  );

  constructor() {
    toObservable(computed(() => ({ icbId: this.choice.icb()?.id ?? null, n: this.reloads() })))
      .pipe(
        switchMap(({ icbId }) => {
          if (!icbId) return of(null);
          this.loading.set(true);
          return this.client.request(InsightsPolicyOverviewDocument, { icbId }).pipe(
            map((r) => ({ rows: r.insightsPolicyOverview })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if (!result) return;
        if ('error' in result) {
          this.rows.set(null);
          this.loadError.set(result.error);
          return;
        }
        this.loadError.set(null);
        this.rows.set(result.rows);
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }
}
