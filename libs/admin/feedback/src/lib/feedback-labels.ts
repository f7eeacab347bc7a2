import {
  ALL_COMPLAINANT_STATUSES,
  ALL_COMPLAINT_OUTCOMES,
  ALL_FEEDBACK_KINDS,
  ALL_FEEDBACK_STATUSES,
  ALL_FFT_RATINGS,
  ALL_PATIENT_AGE_BANDS,
  ALL_SENTIMENTS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  CHANNEL_KIND_LABELS,
  COMPLAINANT_STATUS_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUS_LABELS,
  FFT_RATING_LABELS,
  PATIENT_AGE_BAND_LABELS,
  SENTIMENT_LABELS,
  STAFF_GROUP_LABELS,
  SUBJECT_AREA_LABELS,
} from '@parley/shared/domain';
import {
  ComplainantStatus,
  ComplaintOutcome,
  FeedbackKind,
  FeedbackSource,
  FeedbackStatus,
  FftRating,
  PatientAgeBand,
  Sentiment,
  StaffGroup,
  SubjectArea,
} from './generated/graphql';

// The API's enums carry the shared domain's values ('complaint', 'age_16_64'), so the shared
// labels and orders apply to them as they are.

export interface Option<T extends string> {
  value: T;
  label: string;
}

function options<T extends string>(
  values: readonly string[],
  labels: Readonly<Record<string, string>>,
): Option<T>[] {
  return values.map((value) => ({ value: value as T, label: labels[value] }));
}

export const KIND_OPTIONS = options<FeedbackKind>(ALL_FEEDBACK_KINDS, FEEDBACK_KIND_LABELS);
export const SENTIMENT_OPTIONS = options<Sentiment>(ALL_SENTIMENTS, SENTIMENT_LABELS);
export const STATUS_OPTIONS = options<FeedbackStatus>(
  ALL_FEEDBACK_STATUSES,
  FEEDBACK_STATUS_LABELS,
);
export const OUTCOME_OPTIONS = options<ComplaintOutcome>(
  ALL_COMPLAINT_OUTCOMES,
  COMPLAINT_OUTCOME_LABELS,
);
export const SUBJECT_AREA_OPTIONS = options<SubjectArea>(ALL_SUBJECT_AREAS, SUBJECT_AREA_LABELS);
export const STAFF_GROUP_OPTIONS = options<StaffGroup>(ALL_STAFF_GROUPS, STAFF_GROUP_LABELS);
export const COMPLAINANT_STATUS_OPTIONS = options<ComplainantStatus>(
  ALL_COMPLAINANT_STATUSES,
  COMPLAINANT_STATUS_LABELS,
);
export const AGE_BAND_OPTIONS = options<PatientAgeBand>(
  ALL_PATIENT_AGE_BANDS,
  PATIENT_AGE_BAND_LABELS,
);
export const FFT_RATING_OPTIONS = options<FftRating>(ALL_FFT_RATINGS, FFT_RATING_LABELS);

export const kindLabel = (kind: FeedbackKind) => FEEDBACK_KIND_LABELS[kind];
export const sentimentLabel = (sentiment: Sentiment) => SENTIMENT_LABELS[sentiment];
export const statusLabel = (status: FeedbackStatus) => FEEDBACK_STATUS_LABELS[status];
export const outcomeLabel = (outcome: ComplaintOutcome) => COMPLAINT_OUTCOME_LABELS[outcome];
export const channelKindLabel = (kind: string) =>
  CHANNEL_KIND_LABELS[kind as keyof typeof CHANNEL_KIND_LABELS] ?? kind;
export const subjectAreaLabel = (area: SubjectArea) => SUBJECT_AREA_LABELS[area];
export const staffGroupLabel = (group: StaffGroup) => STAFF_GROUP_LABELS[group];
export const complainantStatusLabel = (status: ComplainantStatus) =>
  COMPLAINANT_STATUS_LABELS[status];
export const ageBandLabel = (band: PatientAgeBand) => PATIENT_AGE_BAND_LABELS[band];

const SOURCE_LABELS: Record<FeedbackSource, string> = {
  [FeedbackSource.Staff]: 'Logged by staff',
  [FeedbackSource.OnlineForm]: 'Online feedback form',
  [FeedbackSource.Import]: 'Imported from a spreadsheet',
};
export const sourceLabel = (source: FeedbackSource) => SOURCE_LABELS[source] ?? source;

/** The workflow step as a person would say it, for buttons and the history. */
const STEP_LABELS: Record<FeedbackStatus, string> = {
  [FeedbackStatus.Received]: 'Logged',
  [FeedbackStatus.Acknowledged]: 'Acknowledged',
  [FeedbackStatus.Investigating]: 'Investigation started',
  [FeedbackStatus.Responded]: 'Final response sent',
  [FeedbackStatus.Closed]: 'Closed',
  [FeedbackStatus.Withdrawn]: 'Withdrawn',
};
export const stepLabel = (to: FeedbackStatus) => STEP_LABELS[to];

/** Overdue statutory steps of a list item, in words (empty when nothing is overdue). */
export function overdueNotes(
  clocks: { acknowledgementOverdue: boolean; delayLetterOverdue: boolean } | null,
): string[] {
  if (!clocks) return [];
  const notes: string[] = [];
  if (clocks.acknowledgementOverdue) notes.push('Acknowledgement overdue');
  if (clocks.delayLetterOverdue) notes.push('Delay letter overdue');
  return notes;
}
