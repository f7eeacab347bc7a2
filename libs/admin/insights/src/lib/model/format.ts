import {
  type InsightsCountFieldsFragment,
  InsightsFlagReason,
  InsightsPeriod,
  type InsightsTrendsQuery,
} from '../generated/graphql';

type Count = InsightsCountFieldsFragment;
type Flag = InsightsTrendsQuery['insightsTrends']['practices'][number]['flags'][number];

/** What a figure cell shows. `hidden` marks a value the API withheld, to be styled and explained. */
export interface Shown {
  text: string;
  hidden: boolean;
}

/** Said in words where there is no count whose marker could stand in. */
export const NOT_SHOWN = 'not shown';

const RATE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en-GB');

export function formatNumber(value: number): string {
  return WHOLE.format(value);
}

/**
 * A count as the API sent it: its own text, the number or the suppression marker. Nothing is
 * worked out here from a hidden count.
 */
export function shownCount(count: Count): Shown {
  return { text: count.display, hidden: count.suppressed };
}

/**
 * A rate per 1,000 registered patients per year. The API leaves it null when the count behind it
 * is hidden: the count's marker is shown instead, as in the API's CSV.
 */
export function shownRate(rate: number | null, complaints: Count): Shown {
  if (rate !== null) return { text: RATE.format(rate), hidden: false };
  if (complaints.suppressed) return { text: complaints.display, hidden: true };
  return { text: '–', hidden: false };
}

/**
 * The share acknowledged within 3 working days. Null from the API either because there were no
 * complaints or because a count behind it is hidden.
 */
export function shownPercent(percent: number | null, complaints: Count): Shown {
  if (percent !== null) return { text: `${RATE.format(percent)}%`, hidden: false };
  if (complaints.suppressed) return { text: complaints.display, hidden: true };
  if (complaints.value === 0) return { text: '–', hidden: false };
  return { text: NOT_SHOWN, hidden: true };
}

export function flagText(flag: Flag): string {
  return flag.reason === InsightsFlagReason.ComplaintRate
    ? `${RATE.format(flag.value)} complaints per 1,000 patients a year: above the ICB’s maximum of ${RATE.format(flag.threshold)}`
    : `${RATE.format(flag.value)}% acknowledged within 3 working days: below the ICB’s minimum of ${RATE.format(flag.threshold)}%`;
}

export function notAssessedText(reason: InsightsFlagReason): string {
  return reason === InsightsFlagReason.ComplaintRate
    ? 'Complaint rate not assessed: the count is not shown'
    : 'Acknowledgement not assessed: the counts are not shown';
}

/** The policy check's warnings, as codes from the API, in words. */
const POLICY_WARNINGS: Record<string, string> = {
  WRITING_ONLY: 'Asks for complaints in writing only',
  REMOVAL_FOR_COMPLAINING: 'Threatens removal from the list for complaining',
  REMOVAL_WITHOUT_WARNING: 'Mentions removal without a prior warning',
  NO_ROUTE: 'Offers no route for concerns',
  EMPTY_CHANNEL_LIST: 'The list of feedback channels is empty',
  DISABLED_CHANNEL: 'Mentions a channel that is switched off',
  UNSAFE_LINK: 'Has a link that is shown as plain text',
  UNKNOWN_FIELD: 'Uses an unknown template field',
};

export function policyWarningText(code: string): string {
  return POLICY_WARNINGS[code] ?? code;
}

/** The ICB's thresholds in words. */
export function thresholdsText(t: {
  maxComplaintsPer1000PerYear: number | null;
  minAckWithin3DaysPercent: number | null;
}): string[] {
  return [
    t.maxComplaintsPer1000PerYear === null
      ? 'Practices are not flagged on their complaint rate.'
      : `Practices above ${RATE.format(t.maxComplaintsPer1000PerYear)} complaints per 1,000 registered patients per year are flagged.`,
    t.minAckWithin3DaysPercent === null
      ? 'Practices are not flagged on acknowledgement.'
      : `Practices acknowledging fewer than ${RATE.format(t.minAckWithin3DaysPercent)}% of complaints within 3 working days are flagged.`,
  ];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-04` → `Apr 2025`. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? '?'} ${year}`;
}

const PERIOD_NAMES: Record<InsightsPeriod, string> = {
  [InsightsPeriod.Month]: 'month',
  [InsightsPeriod.Quarter]: 'financial-year quarter',
  [InsightsPeriod.FinancialYear]: 'financial year',
};

/** "From Dec 2025 to Nov 2026, by month." */
export function rangeText(t: {
  fromMonth: string;
  toMonth: string;
  period: InsightsPeriod;
}): string {
  return `From ${monthLabel(t.fromMonth)} to ${monthLabel(t.toMonth)}, by ${PERIOD_NAMES[t.period]}.`;
}
