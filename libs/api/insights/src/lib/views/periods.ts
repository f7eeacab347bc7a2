import { financialYearOf, type IsoDate } from '@parley/shared/domain';

/** How a trend is bucketed. Quarters are NHS financial-year quarters (Q1 = April to June). */
export type PeriodKind = 'MONTH' | 'QUARTER' | 'FINANCIAL_YEAR';

/** A calendar month, `yyyy-mm`. */
export type Month = `${number}-${number}`;

export interface Period {
  /** `2025-04`, `2025-26 Q1` or `2025-26`. */
  key: string;
  label: string;
  /** First and last month of the period that fall inside the requested range. */
  firstMonth: Month;
  lastMonth: Month;
  /** Months of the period inside the range, for rates per year. */
  months: number;
}

/** The most months one trend may span (ten years by month is already 120 columns). */
export const MAX_TREND_MONTHS = 120;

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7) as Month;
}

function index(month: Month): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function fromIndex(i: number): Month {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` as Month;
}

/** Every month from `first` to `last`, inclusive. */
export function monthsBetween(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let i = index(first); i <= index(last); i++) out.push(fromIndex(i));
  return out;
}

export function monthCount(first: Month, last: Month): number {
  return index(last) - index(first) + 1;
}

function periodKeyOf(kind: PeriodKind, month: Month): { key: string; label: string } {
  const fy = financialYearOf(`${month}-01` as IsoDate);
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (kind === 'MONTH') return { key: month, label: `${MONTH_NAMES[m - 1]} ${y}` };
  if (kind === 'FINANCIAL_YEAR') return { key: fy, label: fy };
  const quarter = Math.floor(((m + 8) % 12) / 3) + 1; // April → Q1, January → Q4
  const start = (((quarter - 1) * 3 + 3) % 12) + 1;
  const startYear = start >= 4 ? Number(fy.slice(0, 4)) : Number(fy.slice(0, 4)) + 1;
  const span = `${MONTH_NAMES[start - 1]}–${MONTH_NAMES[start + 1]} ${startYear}`;
  return { key: `${fy} Q${quarter}`, label: `Q${quarter} ${fy} (${span})` };
}

/** The periods covering `first`..`last`, in order, clipped to the range. */
export function periodsBetween(kind: PeriodKind, first: Month, last: Month): Period[] {
  const periods: Period[] = [];
  for (const month of monthsBetween(first, last)) {
    const { key, label } = periodKeyOf(kind, month);
    const current = periods[periods.length - 1];
    if (current && current.key === key) {
      current.lastMonth = month;
      current.months++;
    } else {
      periods.push({ key, label, firstMonth: month, lastMonth: month, months: 1 });
    }
  }
  return periods;
}

/** Maps each month of the range to the index of its period. */
export function periodIndexByMonth(periods: readonly Period[]): Map<string, number> {
  const map = new Map<string, number>();
  periods.forEach((p, i) => monthsBetween(p.firstMonth, p.lastMonth).forEach((m) => map.set(m, i)));
  return map;
}
