import type { InsightsTrendsQuery } from '../generated/graphql';
import {
  flagText,
  formatNumber,
  notAssessedText,
  type Shown,
  shownCount,
  shownPercent,
  shownRate,
} from './format';

type Trends = InsightsTrendsQuery['insightsTrends'];

export interface PeriodRow {
  key: string;
  label: string;
  complaints: Shown;
  rate: Shown;
  acknowledged: Shown;
}

/** The trend's series by period, as table rows (the text equivalent of its charts). */
export function periodRows(trends: Trends): PeriodRow[] {
  const byKey = new Map(trends.series.map((point) => [point.period, point]));
  return trends.periods.flatMap((period) => {
    const point = byKey.get(period.key);
    if (!point) return [];
    return [
      {
        key: period.key,
        label: period.label,
        complaints: shownCount(point.complaints),
        rate: shownRate(point.complaintsPer1000PerYear, point.complaints),
        acknowledged: shownPercent(point.ackWithin3DaysPercent, point.complaints),
      },
    ];
  });
}

export interface PracticeRow {
  id: string;
  name: string;
  patients: string;
  complaints: Shown;
  within: Shown;
  notWithin: Shown;
  rate: Shown;
  acknowledged: Shown;
  /** Thresholds crossed, and thresholds that could not be judged, in words. */
  flags: string[];
  notAssessed: string[];
}

/** Each practice's figures over the whole range, with the ICB's flags. */
export function practiceRows(trends: Trends): PracticeRow[] {
  return trends.practices.map((summary) => ({
    id: summary.practice.id,
    name: summary.practice.name,
    patients: formatNumber(summary.practice.listSize),
    complaints: shownCount(summary.complaints),
    within: shownCount(summary.ackWithin3Days),
    notWithin: shownCount(summary.ackNotWithin3Days),
    rate: shownRate(summary.complaintsPer1000PerYear, summary.complaints),
    acknowledged: shownPercent(summary.ackWithin3DaysPercent, summary.complaints),
    flags: summary.flags.map(flagText),
    notAssessed: summary.notAssessed.map(notAssessedText),
  }));
}

/** How many practices cross at least one threshold (judged by the API on shown figures only). */
export function flaggedCount(trends: Trends): number {
  return trends.practices.filter((p) => p.flags.length > 0).length;
}
