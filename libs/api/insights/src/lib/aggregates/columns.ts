import {
  ALL_CHANNEL_KINDS,
  ALL_ESCALATION_STEP_KINDS,
  ALL_INCIDENT_SEVERITIES,
  ALL_COMPLAINANT_STATUSES,
  ALL_COMPLAINT_OUTCOMES,
  ALL_FFT_RATINGS,
  ALL_PATIENT_AGE_BANDS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  type ChannelKind,
  type ComplainantStatus,
  type PatientAgeBand,
  type StaffGroup,
  type SubjectArea,
} from '@parley/shared/domain';

// Column names of the insights aggregate tables (migration 1763800400000), from the shared enums:
// a value added to an enum without a migration fails loudly at the first query.

export const channelColumn = (kind: ChannelKind) => `via_${kind}`;
export const subjectColumn = (area: SubjectArea) => `subject_${area}`;
export const staffColumn = (group: StaffGroup) => `staff_${group}`;
export const ageColumn = (band: PatientAgeBand) => (band === 'unknown' ? 'age_unknown' : band);
export const complainantColumn = (status: ComplainantStatus) => `complainant_${status}`;

export const FEEDBACK_COLUMNS = [
  'complaints',
  'compliments',
  'suggestions',
  'positive',
  'neutral',
  'negative',
  ...ALL_CHANNEL_KINDS.map(channelColumn),
];

/** Counted by the month a complaint was received. */
export const COMPLAINT_RECEIVED_COLUMNS = [
  'received',
  'ack_within_3_days',
  'ack_late',
  'not_acknowledged',
  ...ALL_SUBJECT_AREAS.map(subjectColumn),
  ...ALL_STAFF_GROUPS.map(staffColumn),
  ...ALL_PATIENT_AGE_BANDS.map(ageColumn),
  'age_not_recorded',
  ...ALL_COMPLAINANT_STATUSES.map(complainantColumn),
  'complainant_not_recorded',
];
/** Counted by the month a complaint was closed. */
export const COMPLAINT_CLOSED_COLUMNS: readonly string[] = ALL_COMPLAINT_OUTCOMES;
export const COMPLAINT_COLUMNS = [...COMPLAINT_RECEIVED_COLUMNS, ...COMPLAINT_CLOSED_COLUMNS];
/** What a trend shows of complaints (KO41(b)'s other breakdowns are for the return only). */
export const TREND_COMPLAINT_COLUMNS = [
  'received',
  'ack_within_3_days',
  'ack_late',
  'not_acknowledged',
  ...ALL_SUBJECT_AREAS.map(subjectColumn),
  ...COMPLAINT_CLOSED_COLUMNS,
];

export const FFT_COLUMNS: readonly string[] = ALL_FFT_RATINGS;

/** Social-media incidents (by the month seen) and escalation steps (by the month taken). */
export const INCIDENT_PLATFORMS = [
  'facebook',
  'x',
  'instagram',
  'tiktok',
  'nextdoor',
  'google_reviews',
  'whatsapp',
  'other',
] as const;
export const INCIDENT_PLATFORM_LABELS: Readonly<
  Record<(typeof INCIDENT_PLATFORMS)[number], string>
> = {
  facebook: 'Facebook',
  x: 'X (Twitter)',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  nextdoor: 'Nextdoor',
  google_reviews: 'Google reviews',
  whatsapp: 'WhatsApp',
  other: 'Other',
};
/** Removal requests are split: immediate (after violence reported to the police) or not. */
export const ESCALATION_STEP_ROWS = [...ALL_ESCALATION_STEP_KINDS, 'immediate_removal'] as const;
export const INCIDENT_COLUMNS = [
  'incidents',
  ...ALL_INCIDENT_SEVERITIES.map((s) => `severity_${s}`),
  ...INCIDENT_PLATFORMS.map((p) => `platform_${p}`),
  'staff_named',
  ...ESCALATION_STEP_ROWS,
];

/** One aggregate row: counter column → count. */
export type Counts = Record<string, number>;

export function zeroCounts(columns: readonly string[]): Counts {
  return Object.fromEntries(columns.map((c) => [c, 0]));
}

/** Adds `row`'s counters into `into` (node-pg returns bigint sums as strings, hence Number). */
export function addCounts(
  into: Counts,
  row: Record<string, unknown>,
  columns: readonly string[],
): Counts {
  for (const c of columns) into[c] = (into[c] ?? 0) + Number(row[c] ?? 0);
  return into;
}
