import {
  ALL_CHANNEL_KINDS,
  ALL_COMPLAINT_OUTCOMES,
  ALL_FFT_RATINGS,
  ALL_INCIDENT_SEVERITIES,
  ESCALATION_STEP_KIND_LABELS,
  type EscalationStepKind,
  INCIDENT_SEVERITY_LABELS,
  ALL_SUBJECT_AREAS,
  CHANNEL_KIND_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  FEEDBACK_KIND_LABELS,
  FFT_RATING_LABELS,
  SUBJECT_AREA_LABELS,
  type SubjectArea,
} from '@parley/shared/domain';
import {
  channelColumn,
  type Counts,
  ESCALATION_STEP_ROWS,
  INCIDENT_PLATFORM_LABELS,
  INCIDENT_PLATFORMS,
  subjectColumn,
} from '../aggregates/columns';
import {
  type InsightsFlag,
  InsightsFlagReason,
  type InsightsIcbRef,
  type InsightsPeriod,
  type InsightsPractice,
  type InsightsPracticeSummary,
  type InsightsSeriesPoint,
  type InsightsThresholds,
  type InsightsTrends,
} from '../insights.types';
import { CountNetwork, protect, SUPPRESSION_NOTE } from '../suppression/count-network';
import { type Month, type Period } from './periods';
import { addTable, ProtectedView, round, type TableSpec } from './view-tables';

export interface TrendsInput {
  icb: InsightsIcbRef;
  /** Set for a drill-down to one practice. */
  practice: InsightsPractice | null;
  /** The practices in scope: the ICB's, or the one. */
  practices: InsightsPractice[];
  period: InsightsPeriod;
  fromMonth: Month;
  toMonth: Month;
  periods: Period[];
  /** Counts of the scope by period (already summed over months and practices). */
  complaints: Counts[];
  feedback: Counts[];
  fft: Counts[];
  incidents: Counts[];
  /** Complaint counts of each practice over the whole range (ICB-wide views). */
  complaintsByPractice: Map<string, Counts>;
  thresholds: InsightsThresholds;
}

const ACK_CLASSES = [
  { key: 'within_3_working_days', label: 'Acknowledged within 3 working days' },
  { key: 'not_within_3_working_days', label: 'Acknowledged later, or not acknowledged' },
] as const;
type AckClass = (typeof ACK_CLASSES)[number]['key'];

const KIND_ROWS = [
  { key: 'complaint', label: 'Complaints (under the regulations)' },
  { key: 'complaint_not_counted', label: 'Complaints outside the regulations or withdrawn' },
  { key: 'compliment', label: FEEDBACK_KIND_LABELS.compliment },
  { key: 'suggestion', label: FEEDBACK_KIND_LABELS.suggestion },
] as const;
type KindRow = (typeof KIND_ROWS)[number]['key'];

function ackCount(counts: Counts | undefined, k: AckClass): number {
  if (!counts) return 0;
  return k === 'within_3_working_days'
    ? (counts['ack_within_3_days'] ?? 0)
    : (counts['ack_late'] ?? 0) + (counts['not_acknowledged'] ?? 0);
}

/**
 * Builds one trend view: every table, the series, the practice summaries and their flags, with
 * one suppression over all of them, because the tables share totals and are protected together.
 *
 * The view as one network of sums: items flow from their channel into their period (the channel
 * table), each period's items split by kind (the kind table); complaints under the regulations
 * split by acknowledgement (the acknowledgement table, whose column totals are the kind table's
 * complaint cells), and, ICB-wide, each acknowledgement class by practice (the practice
 * comparison). Complaints outside the regulations or withdrawn are a kind row of their own, so no
 * relation between the tables is left unstated. Themes, outcomes and FFT answers stand alone.
 */
export function buildTrendsView(input: TrendsInput): InsightsTrends {
  const network = new CountNetwork();
  const periodColumns = input.periods.map((p) => ({ key: p.key, label: p.label }));
  const icbWide = input.practice === null;
  const sumOver = (f: (p: number) => number) => input.periods.reduce((sum, _, p) => sum + f(p), 0);
  const feedback = (p: number, column: string) => input.feedback[p]?.[column] ?? 0;
  const ack = (k: AckClass, p: number) => ackCount(input.complaints[p], k);
  const complaintsIn = (p: number) => ACK_CLASSES.reduce((sum, c) => sum + ack(c.key, p), 0);
  const kindCount = (kind: KindRow, p: number): number => {
    if (kind === 'complaint') return complaintsIn(p);
    if (kind === 'complaint_not_counted') return feedback(p, 'complaints') - complaintsIn(p);
    return feedback(p, kind === 'compliment' ? 'compliments' : 'suggestions');
  };
  const itemsIn = (p: number) => KIND_ROWS.reduce((sum, k) => sum + kindCount(k.key, p), 0);

  network.edge('all', 'sink', 'src', sumOver(itemsIn), 'total');
  const periodEdges = input.periods.map((p, i) =>
    network.edge(`items:${p.key}`, `P:${p.key}`, `Q:${p.key}`, itemsIn(i), 'total'),
  );
  const complaintEdges = input.periods.map((p, i) =>
    network.edge(`complaints:${p.key}`, `Q:${p.key}`, `CP:${p.key}`, complaintsIn(i), 'total'),
  );
  const allComplaints = network.edge(
    'complaints',
    'complaints',
    'sink',
    sumOver(complaintsIn),
    'total',
  );

  const feedbackByChannel: TableSpec = {
    key: 'feedbackByChannel',
    title: 'Feedback by channel',
    description:
      'Every item logged, by the period it was received and the kind of channel it came through.',
    columns: periodColumns,
    rows: ALL_CHANNEL_KINDS.map((c) => ({
      key: c,
      label: CHANNEL_KIND_LABELS[c],
      cells: input.periods.map((p, i) =>
        network.edge(
          `chan:${c}:${p.key}`,
          `chan:${c}`,
          `P:${p.key}`,
          feedback(i, channelColumn(c)),
        ),
      ),
      total: network.edge(
        `chan:${c}`,
        'src',
        `chan:${c}`,
        sumOver((i) => feedback(i, channelColumn(c))),
        'total',
      ),
    })),
    columnTotals: periodEdges,
    grandTotal: 'all',
  };
  const feedbackByKind: TableSpec = {
    key: 'feedbackByKind',
    title: 'Feedback by kind',
    description:
      'Every item logged, by the period it was received and its kind. Complaints under the regulations are the ones counted everywhere else; ' +
      'complaints resolved orally by the next working day (outside the regulations) or withdrawn are a row of their own.',
    columns: periodColumns,
    rows: KIND_ROWS.map((k) => ({
      key: k.key,
      label: k.label,
      cells: input.periods.map((p, i) =>
        k.key === 'complaint'
          ? (complaintEdges[i] as string)
          : network.edge(
              `kind:${k.key}:${p.key}`,
              `Q:${p.key}`,
              `kind:${k.key}`,
              kindCount(k.key, i),
            ),
      ),
      total:
        k.key === 'complaint'
          ? allComplaints
          : network.edge(
              `kind:${k.key}`,
              `kind:${k.key}`,
              'sink',
              sumOver((i) => kindCount(k.key, i)),
              'total',
            ),
    })),
    columnTotals: periodEdges,
    grandTotal: 'all',
  };

  const classEnd = (k: string) => (icbWide ? `ackOut:${k}` : 'complaints');
  const acknowledgement: TableSpec = {
    key: 'acknowledgement',
    title: 'Complaints by acknowledgement',
    description:
      'Complaints received in each period (under the regulations, not withdrawn), by whether they were acknowledged within 3 working days.',
    columns: periodColumns,
    rows: ACK_CLASSES.map((c) => ({
      key: c.key,
      label: c.label,
      cells: input.periods.map((p, i) =>
        network.edge(`ack:${c.key}:${p.key}`, `CP:${p.key}`, `ack:${c.key}`, ack(c.key, i)),
      ),
      total: network.edge(
        `ack:${c.key}`,
        `ack:${c.key}`,
        classEnd(c.key),
        sumOver((i) => ack(c.key, i)),
        'total',
      ),
    })),
    columnTotals: complaintEdges,
    grandTotal: allComplaints,
  };
  let practiceComparison: TableSpec | null = null;
  if (icbWide) {
    practiceComparison = {
      key: 'practiceComparison',
      title: 'Complaints by practice',
      description:
        'Complaints received over the whole range (under the regulations, not withdrawn), by practice and acknowledgement within 3 working days.',
      columns: ACK_CLASSES.map((c) => ({ key: c.key, label: c.label })),
      rows: input.practices.map((practice) => {
        const counts = input.complaintsByPractice.get(practice.id);
        return {
          key: practice.id,
          label: practice.name,
          cells: ACK_CLASSES.map((c) =>
            network.edge(
              `practice:${practice.id}:${c.key}`,
              `ackOut:${c.key}`,
              `practice:${practice.id}`,
              ackCount(counts, c.key),
            ),
          ),
          total: network.edge(
            `practice:${practice.id}`,
            `practice:${practice.id}`,
            'complaints',
            ACK_CLASSES.reduce((sum, c) => sum + ackCount(counts, c.key), 0),
            'total',
          ),
        };
      }),
      columnTotals: ACK_CLASSES.map((c) => `ack:${c.key}`),
      grandTotal: allComplaints,
    };
  }

  const periodIndex = new Map(input.periods.map((p, i) => [p.key, i]));
  const at = (rows: Counts[], column: string, period: string) =>
    rows[periodIndex.get(period) as number]?.[column] ?? 0;
  const complaintsByTheme: TableSpec = {
    key: 'complaintsByTheme',
    title: 'Complaints by subject area',
    description:
      'Complaints received (under the regulations, not withdrawn) by KO41(b) subject area. A complaint counts once under each area it concerns.',
    columns: periodColumns,
    ...withLabels(
      addTable(network, 'theme', ALL_SUBJECT_AREAS.map(key), periodColumns, (s, p) =>
        at(input.complaints, subjectColumn(s as SubjectArea), p),
      ),
      (k) => SUBJECT_AREA_LABELS[k as keyof typeof SUBJECT_AREA_LABELS],
    ),
  };
  const resolvedByOutcome: TableSpec = {
    key: 'resolvedByOutcome',
    title: 'Complaints resolved, by outcome',
    description: 'Complaints closed in each period (under the regulations), by outcome.',
    columns: periodColumns,
    ...withLabels(
      addTable(network, 'outcome', ALL_COMPLAINT_OUTCOMES.map(key), periodColumns, (o, p) =>
        at(input.complaints, o, p),
      ),
      (k) => COMPLAINT_OUTCOME_LABELS[k as keyof typeof COMPLAINT_OUTCOME_LABELS],
    ),
  };
  const fftByRating: TableSpec = {
    key: 'fftByRating',
    title: 'Friends and Family Test answers',
    description:
      'Answers to "Overall, how was your experience of our service?" by the period they were given.',
    columns: periodColumns,
    ...withLabels(
      addTable(network, 'fft', ALL_FFT_RATINGS.map(key), periodColumns, (r, p) =>
        at(input.fft, r, p),
      ),
      (k) => FFT_RATING_LABELS[k as keyof typeof FFT_RATING_LABELS],
    ),
  };

  // Incidents: severity → periods → platform, chained like kinds and channels.
  const incidents = (p: number, column: string) => input.incidents[p]?.[column] ?? 0;
  const incidentEdges = input.periods.map((p, i) =>
    network.edge(
      `incidents:${p.key}`,
      `IP:${p.key}`,
      `IQ:${p.key}`,
      incidents(i, 'incidents'),
      'total',
    ),
  );
  const allIncidents = network.edge(
    'incidents',
    'incidents:sink',
    'incidents:src',
    sumOver((i) => incidents(i, 'incidents')),
    'total',
  );
  const incidentsBySeverity: TableSpec = {
    key: 'incidentsBySeverity',
    title: 'Social-media incidents by severity',
    description:
      'Posts logged as incidents, by the month they were seen (UK time) and their severity.',
    columns: periodColumns,
    rows: ALL_INCIDENT_SEVERITIES.map((severity) => ({
      key: String(severity),
      label: INCIDENT_SEVERITY_LABELS[severity],
      cells: input.periods.map((p, i) =>
        network.edge(
          `severity:${severity}:${p.key}`,
          `severity:${severity}`,
          `IP:${p.key}`,
          incidents(i, `severity_${severity}`),
        ),
      ),
      total: network.edge(
        `severity:${severity}`,
        'incidents:src',
        `severity:${severity}`,
        sumOver((i) => incidents(i, `severity_${severity}`)),
        'total',
      ),
    })),
    columnTotals: incidentEdges,
    grandTotal: allIncidents,
  };
  const incidentsByPlatform: TableSpec = {
    key: 'incidentsByPlatform',
    title: 'Social-media incidents by platform',
    description: 'Posts logged as incidents, by the month they were seen (UK time) and where.',
    columns: periodColumns,
    rows: INCIDENT_PLATFORMS.map((platform) => ({
      key: platform,
      label: INCIDENT_PLATFORM_LABELS[platform],
      cells: input.periods.map((p, i) =>
        network.edge(
          `platform:${platform}:${p.key}`,
          `IQ:${p.key}`,
          `platform:${platform}`,
          incidents(i, `platform_${platform}`),
        ),
      ),
      total: network.edge(
        `platform:${platform}`,
        `platform:${platform}`,
        'incidents:sink',
        sumOver((i) => incidents(i, `platform_${platform}`)),
        'total',
      ),
    })),
    columnTotals: incidentEdges,
    grandTotal: allIncidents,
  };
  const escalationSteps: TableSpec = {
    key: 'escalationSteps',
    title: 'Escalation steps taken',
    description:
      'Steps of the escalation ladder recorded, by the month taken. Immediate removals (after violence reported to the police) are counted apart.',
    columns: periodColumns,
    ...withLabels(
      addTable(network, 'steps', ESCALATION_STEP_ROWS.map(key), periodColumns, (step, p) =>
        at(input.incidents, step, p),
      ),
      (k) =>
        k === 'immediate_removal'
          ? 'Immediate removal request'
          : ESCALATION_STEP_KIND_LABELS[k as EscalationStepKind],
    ),
  };

  if (!network.balanced())
    throw new Error('The trend view does not add up: its counts come from different snapshots.');
  const tables = [
    feedbackByChannel,
    feedbackByKind,
    acknowledgement,
    ...(practiceComparison ? [practiceComparison] : []),
    complaintsByTheme,
    resolvedByOutcome,
    fftByRating,
    incidentsBySeverity,
    incidentsByPlatform,
    escalationSteps,
  ];
  const view = new ProtectedView(network, protect(network, tables));

  const listSize = input.practices.reduce((sum, p) => sum + p.listSize, 0);
  const totalMonths = input.periods.reduce((sum, p) => sum + p.months, 0);
  const perYear = (count: number | null, patients: number, months: number) =>
    count === null || patients === 0 || months === 0
      ? null
      : round(((count / patients) * 1000 * 12) / months, 2);
  const percent = (within: number | null, notWithin: number | null) =>
    within === null || notWithin === null || within + notWithin === 0
      ? null
      : round((within / (within + notWithin)) * 100, 1);

  const series: InsightsSeriesPoint[] = input.periods.map((p) => ({
    period: p.key,
    complaints: view.count(`complaints:${p.key}`),
    complaintsPer1000PerYear: perYear(view.shown(`complaints:${p.key}`), listSize, p.months),
    ackWithin3DaysPercent: percent(
      view.shown(`ack:within_3_working_days:${p.key}`),
      view.shown(`ack:not_within_3_working_days:${p.key}`),
    ),
  }));

  const summary = (
    practice: InsightsPractice,
    ids: { complaints: string; within: string; notWithin: string },
  ): InsightsPracticeSummary => {
    const rate = perYear(view.shown(ids.complaints), practice.listSize, totalMonths);
    const share = percent(view.shown(ids.within), view.shown(ids.notWithin));
    const { flags, notAssessed } = judge(
      input.thresholds,
      rate,
      share,
      view.shown(ids.complaints) !== 0,
    );
    return {
      practice,
      complaints: view.count(ids.complaints),
      ackWithin3Days: view.count(ids.within),
      ackNotWithin3Days: view.count(ids.notWithin),
      complaintsPer1000PerYear: rate,
      ackWithin3DaysPercent: share,
      flags,
      notAssessed,
    };
  };
  const practices = icbWide
    ? input.practices.map((p) =>
        summary(p, {
          complaints: `practice:${p.id}`,
          within: `practice:${p.id}:within_3_working_days`,
          notWithin: `practice:${p.id}:not_within_3_working_days`,
        }),
      )
    : input.practices.map((p) =>
        summary(p, {
          complaints: 'complaints',
          within: 'ack:within_3_working_days',
          notWithin: 'ack:not_within_3_working_days',
        }),
      );

  return {
    icb: input.icb,
    practice: input.practice,
    period: input.period,
    fromMonth: input.fromMonth,
    toMonth: input.toMonth,
    registeredPatients: listSize,
    periods: input.periods.map((p) => ({ ...p })),
    series,
    acknowledgement: view.table(acknowledgement),
    practiceComparison: practiceComparison ? view.table(practiceComparison) : null,
    practices,
    feedbackByKind: view.table(feedbackByKind),
    feedbackByChannel: view.table(feedbackByChannel),
    complaintsByTheme: view.table(complaintsByTheme),
    resolvedByOutcome: view.table(resolvedByOutcome),
    fftByRating: view.table(fftByRating),
    incidentsBySeverity: view.table(incidentsBySeverity),
    incidentsByPlatform: view.table(incidentsByPlatform),
    escalationSteps: view.table(escalationSteps),
    thresholds: input.thresholds,
    suppressionNote: SUPPRESSION_NOTE,
  };
}

/**
 * Flags on shown figures only: a flag on a hidden count would tell the reader which side of the
 * threshold it lies (and an auditor sets the thresholds, so could move them to narrow it down).
 */
function judge(
  thresholds: InsightsThresholds,
  rate: number | null,
  share: number | null,
  anyComplaints: boolean,
): { flags: InsightsFlag[]; notAssessed: InsightsFlagReason[] } {
  const flags: InsightsFlag[] = [];
  const notAssessed: InsightsFlagReason[] = [];
  const max = thresholds.maxComplaintsPer1000PerYear;
  if (max !== null) {
    if (rate === null) notAssessed.push(InsightsFlagReason.COMPLAINT_RATE);
    else if (rate > max)
      flags.push({ reason: InsightsFlagReason.COMPLAINT_RATE, value: rate, threshold: max });
  }
  const min = thresholds.minAckWithin3DaysPercent;
  if (min !== null && anyComplaints) {
    if (share === null) notAssessed.push(InsightsFlagReason.ACK_COMPLIANCE);
    else if (share < min)
      flags.push({ reason: InsightsFlagReason.ACK_COMPLIANCE, value: share, threshold: min });
  }
  return { flags, notAssessed };
}

function key(k: string): { key: string } {
  return { key: k };
}

function withLabels<T extends { rows: { key: string; cells: string[]; total: string }[] }>(
  table: T,
  label: (key: string) => string,
): T & { rows: { key: string; label: string; cells: string[]; total: string }[] } {
  return { ...table, rows: table.rows.map((row) => ({ ...row, label: label(row.key) })) };
}
