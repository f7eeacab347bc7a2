import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import { GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { londonDateOf } from '@parley/shared/domain';
import { map } from 'rxjs';
import { Ko41bReturnDocument } from '../generated/graphql';
import { CsvDownloads } from '../model/csv-download';
import { queryOnChange } from '../model/query-on-change';
import { financialYearFrom, recentFinancialYears } from '../model/filters';
import { injectIcbChoice } from '../model/icbs.store';
import { ko41bBreakdowns, ko41bTotals } from '../model/ko41b';
import { FigureComponent } from '../ui/figure.component';
import { IcbPickerComponent } from '../ui/icb-picker.component';

/** The KO41(b) return of an ICB or one of its practices for a financial year, and its CSV. */
@Component({
  selector: 'parley-insights-ko41b-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    FormAlertComponent,
    FigureComponent,
    IcbPickerComponent,
  ],
  templateUrl: './ko41b.page.html',
  styleUrls: ['../insights.css'],
})
export class Ko41bPage {
  private readonly client = inject(GraphqlClient);
  private readonly downloads = inject(CsvDownloads);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly choice = injectIcbChoice();
  private readonly today = londonDateOf(new Date());
  protected readonly years = recentFinancialYears(this.today);
  protected readonly currentYear = this.years[0];
  protected readonly year = computed(() => financialYearFrom(this.choice.params(), this.today));
  /** The practice in the address, if it is one of the ICB's; else the whole ICB. */
  protected readonly practiceId = computed(() => {
    const asked = this.choice.params()['practice'];
    return this.choice.icb()?.practices.some((p) => p.id === asked) ? (asked as string) : null;
  });

  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  private readonly reloads = signal(0);
  protected readonly totals = computed(() => {
    const r = this.result();
    return r ? ko41bTotals(r) : [];
  });
  protected readonly breakdowns = computed(() => {
    const r = this.result();
    return r ? ko41bBreakdowns(r) : [];
  });

  private readonly variables = computed(() => {
    const icb = this.choice.icb();
    if (!icb) return null;
    return {
      icbId: icb.id,
      financialYear: this.year(),
      practiceId: this.practiceId(),
      n: this.reloads(),
    };
  });

  private readonly query = queryOnChange(this.variables, (request) =>
    this.client.request(Ko41bReturnDocument, request).pipe(map((r) => r.ko41bReturn)),
  );
  protected readonly result = this.query.value;
  protected readonly loading = this.query.loading;
  protected readonly loadError = this.query.error;

  protected set(change: Params): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: change,
      queryParamsHandling: 'merge',
    });
  }

  /** A mat-select shows no choice for null, so the whole ICB has a value of its own. */
  protected readonly wholeIcb = 'icb';

  protected choosePractice(value: string): void {
    this.set({ practice: value === this.wholeIcb ? null : value });
  }

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
        'ko41b.csv',
        {
          icbId: variables.icbId,
          financialYear: variables.financialYear,
          practiceId: variables.practiceId,
        },
        `ko41b-${variables.financialYear}.csv`,
      );
    } catch (error) {
      this.downloadError.set(error instanceof Error ? error.message : String(error));
    } finally {
      this.downloading.set(false);
    }
  }
}
