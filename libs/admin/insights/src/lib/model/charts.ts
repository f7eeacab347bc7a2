import type { ChartConfiguration } from 'chart.js';
import {
  InsightsPeriod,
  type InsightsTableFieldsFragment,
  type InsightsTrendsQuery,
} from '../generated/graphql';

type Trends = InsightsTrendsQuery['insightsTrends'];

/** A chart and its text equivalent: one sentence for screen readers (the figures are in a table). */
export interface ChartModel {
  config: ChartConfiguration;
  summary: string;
}

// NHS blue (close to the console's primary) and a darker tone for the second series.
const BLUE = '#005eb8';

const PERIOD_WORDS: Record<InsightsPeriod, [one: string, many: string]> = {
  [InsightsPeriod.Month]: ['month', 'months'],
  [InsightsPeriod.Quarter]: ['quarter', 'quarters'],
  [InsightsPeriod.FinancialYear]: ['financial year', 'financial years'],
};

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * "Highest 3.4 (Oct 2026). Not shown for 2 of 12 months, to protect privacy." Only the values the
 * API showed are looked at: a hidden one is never estimated.
 */
export function describeValues(
  labels: readonly string[],
  values: readonly (number | null)[],
  unit: string,
  things: [one: string, many: string],
): string {
  const shown = values
    .map((value, i) => ({ value, label: labels[i] ?? '' }))
    .filter((v): v is { value: number; label: string } => v.value !== null);
  const hidden = values.length - shown.length;
  const parts: string[] = [];
  if (shown.length === 0) parts.push(`No figure is shown for any ${things[0]}.`);
  else {
    const top = shown.reduce((a, b) => (b.value > a.value ? b : a));
    const bottom = shown.reduce((a, b) => (b.value < a.value ? b : a));
    parts.push(`Highest ${NUMBER.format(top.value)}${unit} (${top.label}).`);
    if (shown.length > 1)
      parts.push(`Lowest ${NUMBER.format(bottom.value)}${unit} (${bottom.label}).`);
  }
  if (hidden > 0 && shown.length > 0)
    parts.push(
      `Not shown for ${hidden} of ${values.length} ${values.length === 1 ? things[0] : things[1]}.`,
    );
  return parts.join(' ');
}

/**
 * Axis labels stay short ("Access to services and appointments" without its bracketed
 * examples); the tables beside the charts have the full ones.
 */
export function shortLabel(label: string, { max = 40, dropBrackets = true } = {}): string {
  const head = dropBrackets ? (label.split(' (')[0] ?? label) : label;
  return head.length > max ? `${head.slice(0, max - 1).trimEnd()}…` : head;
}

/** A bar the API hid would read as zero: its label says it is not shown. */
function barLabels(
  labels: readonly string[],
  values: readonly (number | null)[],
  brackets: boolean,
) {
  return labels.map((label, i) => {
    const short = shortLabel(label, { dropBrackets: brackets });
    return values[i] === null ? `${short} (not shown)` : short;
  });
}

function options(
  axisTitle: string,
  horizontal: boolean,
  { max, whole }: { max?: number; whole?: boolean } = {},
): ChartConfiguration['options'] {
  const valueAxis = {
    beginAtZero: true,
    ...(max === undefined ? {} : { max }),
    ...(whole ? { ticks: { precision: 0 } } : {}),
    title: { display: true, text: axisTitle },
  };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: false } },
    scales: horizontal ? { x: valueAxis } : { y: valueAxis },
  };
}

export type SeriesMetric = 'rate' | 'acknowledged';

const SERIES: Record<SeriesMetric, { title: string; axis: string; unit: string; max?: number }> = {
  rate: {
    title: 'Complaints per 1,000 registered patients per year',
    axis: 'Per 1,000 patients per year',
    unit: '',
  },
  acknowledged: {
    title: 'Complaints acknowledged within 3 working days',
    axis: '% acknowledged in time',
    unit: '%',
    max: 100,
  },
};

/** A line over the periods of the trend; hidden values leave a gap. */
export function seriesChart(trends: Trends, metric: SeriesMetric): ChartModel {
  const spec = SERIES[metric];
  const labels = trends.periods.map((p) => p.label);
  const values = trends.series.map((point) =>
    metric === 'rate' ? point.complaintsPer1000PerYear : point.ackWithin3DaysPercent,
  );
  const words = PERIOD_WORDS[trends.period];
  return {
    config: {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: spec.title,
            data: values,
            borderColor: BLUE,
            backgroundColor: BLUE,
            pointRadius: 4,
            spanGaps: false,
          },
        ],
      },
      options: options(spec.axis, false, { max: spec.max }),
    },
    summary: `Line chart: ${spec.title.toLowerCase()}, by ${words[0]}. ${describeValues(labels, values, spec.unit, words)}`,
  };
}

/** Each practice's complaint rate over the whole range, as horizontal bars. */
export function practiceRateChart(trends: Trends): ChartModel {
  const labels = trends.practices.map((p) => p.practice.name);
  const values = trends.practices.map((p) => p.complaintsPer1000PerYear);
  return {
    config: {
      type: 'bar',
      data: {
        labels: barLabels(labels, values, false),
        datasets: [
          { label: SERIES.rate.title, data: values, backgroundColor: BLUE, maxBarThickness: 28 },
        ],
      },
      options: options(SERIES.rate.axis, true),
    },
    summary: `Bar chart: complaints per 1,000 registered patients per year, by practice. ${describeValues(labels, values, '', ['practice', 'practices'])}`,
  };
}

/** The row totals of a table (e.g. complaints by subject area) as horizontal bars. */
export function rowTotalsChart(table: InsightsTableFieldsFragment, axisTitle: string): ChartModel {
  const labels = table.rows.map((row) => row.label);
  const values = table.rows.map((row) => (row.total.suppressed ? null : row.total.value));
  return {
    config: {
      type: 'bar',
      data: {
        labels: barLabels(labels, values, true),
        datasets: [
          { label: table.title, data: values, backgroundColor: BLUE, maxBarThickness: 22 },
        ],
      },
      options: options(axisTitle, true, { whole: true }),
    },
    summary: `Bar chart: ${table.title.toLowerCase()}, over the whole range. ${describeValues(labels, values, '', ['row', 'rows'])}`,
  };
}
