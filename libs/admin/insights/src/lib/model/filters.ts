import type { Params } from '@angular/router';
import {
  type FinancialYear,
  financialYearOf,
  financialYearRange,
  type IsoDate,
  isFinancialYear,
} from '@parley/shared/domain';
import { InsightsPeriod } from '../generated/graphql';

export const PERIOD_OPTIONS: readonly { value: InsightsPeriod; label: string }[] = [
  { value: InsightsPeriod.Month, label: 'Month' },
  { value: InsightsPeriod.Quarter, label: 'Quarter (financial year)' },
  { value: InsightsPeriod.FinancialYear, label: 'Financial year' },
];

/** A date range the trends can cover, offered as a choice rather than two free dates. */
export interface RangeOption {
  key: string;
  label: string;
  from: IsoDate;
  to: IsoDate;
}

export const DEFAULT_RANGE = 'last-12-months';
const FINANCIAL_YEARS_OFFERED = 5;

/** The financial years to choose from, newest (the current one) first. */
export function recentFinancialYears(
  today: IsoDate,
  count = FINANCIAL_YEARS_OFFERED,
): FinancialYear[] {
  const start = Number(financialYearOf(today).slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const year = start - i;
    return `${year}-${String((year + 1) % 100).padStart(2, '0')}` as FinancialYear;
  });
}

function firstOfMonthBefore(today: IsoDate, months: number): IsoDate {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01` as IsoDate;
}

/** The ranges on offer today. A range never runs past today: future months would read as zeros. */
export function rangeOptions(today: IsoDate): RangeOption[] {
  const years = recentFinancialYears(today);
  const current = years[0] as FinancialYear;
  const threeYearsAgo = years[2] as FinancialYear;
  return [
    {
      key: DEFAULT_RANGE,
      label: 'Last 12 months',
      from: firstOfMonthBefore(today, 11),
      to: today,
    },
    {
      key: 'last-3-financial-years',
      label: `Last 3 financial years (${threeYearsAgo} to date)`,
      from: financialYearRange(threeYearsAgo).start,
      to: today,
    },
    ...years.map((fy) => {
      const { start, end } = financialYearRange(fy);
      return fy === current
        ? { key: fy, label: `${fy} (to date)`, from: start, to: today }
        : { key: fy, label: fy, from: start, to: end };
    }),
  ];
}

/** The trend filters, kept in the address so a drill-down and the way back keep them. */
export interface TrendFilters {
  period: InsightsPeriod;
  range: RangeOption;
}

export function trendFiltersFrom(params: Params, today: IsoDate): TrendFilters {
  const period =
    PERIOD_OPTIONS.find((o) => o.value === params['period'])?.value ?? InsightsPeriod.Month;
  const ranges = rangeOptions(today);
  const range = ranges.find((r) => r.key === params['range']) ?? (ranges[0] as RangeOption);
  return { period, range };
}

/** The financial year of a KO41(b) return: the one in the address if offered, else the current. */
export function financialYearFrom(params: Params, today: IsoDate): FinancialYear {
  const offered = recentFinancialYears(today);
  const asked = params['year'];
  return isFinancialYear(asked) && offered.includes(asked) ? asked : (offered[0] as FinancialYear);
}

/** The ICB in the address if the person may review it, else the first they may. */
export function chosenIcb<T extends { id: string }>(icbs: readonly T[], params: Params): T | null {
  return icbs.find((icb) => icb.id === params['icb']) ?? icbs[0] ?? null;
}
