import {
  InsightsFlagReason,
  InsightsPeriod,
  type InsightsCountFieldsFragment,
  type InsightsIcbsQuery,
  type InsightsTableFieldsFragment,
  type InsightsTrendsQuery,
} from '../lib/generated/graphql';

type Trends = InsightsTrendsQuery['insightsTrends'];

export const MARK = '[c]';

/** A count as the API sends it: `null` for a hidden one. */
export function count(value: number | null): InsightsCountFieldsFragment {
  return value === null
    ? { value: null, suppressed: true, display: MARK }
    : { value, suppressed: false, display: String(value) };
}

type Icb = InsightsIcbsQuery['insightsIcbs'][number];

const WILMSLOW = {
  id: 'p-wilmslow',
  name: 'Wilmslow Health Centre',
  odsCode: null,
  listSize: 14200,
};
const RIVERSIDE = {
  id: 'p-riverside',
  name: 'Riverside Surgery (demo)',
  odsCode: null,
  listSize: 8100,
};
const THRESHOLDS: Icb['thresholds'] = {
  icbId: 'icb-cheshire',
  maxComplaintsPer1000PerYear: 5,
  minAckWithin3DaysPercent: 90,
  updatedAt: null,
};

export const CHESHIRE: Icb = {
  id: 'icb-cheshire',
  name: 'NHS Cheshire and Merseyside ICB',
  slug: 'cheshire-merseyside',
  practices: [WILMSLOW, RIVERSIDE],
  thresholds: THRESHOLDS,
};
export const ICBS: Icb[] = [CHESHIRE];

function table(
  key: string,
  title: string,
  rows: [string, (number | null)[]][],
): InsightsTableFieldsFragment {
  return {
    key,
    title,
    description: `${title}, by quarter.`,
    columns: [
      { key: 'q1', label: 'Q1 2025-26' },
      { key: 'q2', label: 'Q2 2025-26' },
    ],
    rows: rows.map(([label, cells]) => ({
      key: label.toLowerCase(),
      label,
      cells: cells.map(count),
      total: count(cells.includes(null) ? null : cells.reduce<number>((a, b) => a + (b ?? 0), 0)),
    })),
    columnTotals: [count(12), count(null)],
    grandTotal: count(30),
  };
}

/** ICB-wide trends by quarter: Wilmslow's figures shown and flagged, Riverside's hidden. */
export function trendsFixture(overrides: Partial<Trends> = {}): Trends {
  const empty = (key: string, title: string) => table(key, title, [['None', [0, 0]]]);
  return {
    icb: { id: 'icb-cheshire', name: 'NHS Cheshire and Merseyside ICB' },
    practice: null,
    period: InsightsPeriod.Quarter,
    fromMonth: '2025-04',
    toMonth: '2025-09',
    registeredPatients: 22300,
    periods: [
      { key: '2025-26 Q1', label: 'Q1 2025-26 (Apr–Jun 2025)', months: 3 },
      { key: '2025-26 Q2', label: 'Q2 2025-26 (Jul–Sep 2025)', months: 3 },
    ],
    series: [
      {
        period: '2025-26 Q1',
        complaints: count(12),
        complaintsPer1000PerYear: 2.15,
        ackWithin3DaysPercent: 75,
      },
      {
        period: '2025-26 Q2',
        complaints: count(null),
        complaintsPer1000PerYear: null,
        ackWithin3DaysPercent: null,
      },
    ],
    practices: [
      {
        practice: WILMSLOW,
        complaints: count(18),
        ackWithin3Days: count(9),
        ackNotWithin3Days: count(9),
        complaintsPer1000PerYear: 2.54,
        ackWithin3DaysPercent: 50,
        flags: [{ reason: InsightsFlagReason.AckCompliance, value: 50, threshold: 90 }],
        notAssessed: [],
      },
      {
        practice: RIVERSIDE,
        complaints: count(null),
        ackWithin3Days: count(null),
        ackNotWithin3Days: count(0),
        complaintsPer1000PerYear: null,
        ackWithin3DaysPercent: null,
        flags: [],
        notAssessed: [InsightsFlagReason.ComplaintRate, InsightsFlagReason.AckCompliance],
      },
    ],
    acknowledgement: table('acknowledgement', 'Complaints by acknowledgement', [
      ['Acknowledged within 3 working days', [6, null]],
      ['Acknowledged later, or not acknowledged', [6, null]],
    ]),
    feedbackByKind: empty('feedbackByKind', 'Feedback by kind'),
    feedbackByChannel: empty('feedbackByChannel', 'Feedback by channel'),
    complaintsByTheme: table('complaintsByTheme', 'Complaints by subject area', [
      ['Clinical treatment', [7, 8]],
      ['Communication', [null, 0]],
    ]),
    resolvedByOutcome: empty('resolvedByOutcome', 'Complaints resolved, by outcome'),
    fftByRating: empty('fftByRating', 'Friends and Family Test answers'),
    incidentsBySeverity: empty('incidentsBySeverity', 'Social-media incidents by severity'),
    incidentsByPlatform: empty('incidentsByPlatform', 'Social-media incidents by platform'),
    escalationSteps: empty('escalationSteps', 'Escalation steps taken'),
    thresholds: THRESHOLDS,
    suppressionNote: `${MARK}: not shown, to protect privacy.`,
    ...overrides,
  };
}
