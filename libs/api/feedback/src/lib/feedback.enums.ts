import { registerEnumType } from '@nestjs/graphql';
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
} from '@parley/shared/domain';

/**
 * GraphQL enums whose values are the stored strings (`complaint`, `age_16_64`), as the channel and
 * policy enums are: the console, the public JSON form and the database spell a value the same way.
 * Other domains (insights) should reuse these rather than register their own of the same name.
 */
function enumOf<const T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const FeedbackKindEnum = enumOf(ALL_FEEDBACK_KINDS);
registerEnumType(FeedbackKindEnum, {
  name: 'FeedbackKind',
  description: 'compliment, suggestion (comment or suggestion), complaint.',
});

export const SentimentEnum = enumOf(ALL_SENTIMENTS);
registerEnumType(SentimentEnum, { name: 'Sentiment' });

export const FeedbackStatusEnum = enumOf(ALL_FEEDBACK_STATUSES);
registerEnumType(FeedbackStatusEnum, {
  name: 'FeedbackStatus',
  description:
    'received → acknowledged → investigating → responded → closed; withdrawn from any open status.',
});

export const ComplaintOutcomeEnum = enumOf(ALL_COMPLAINT_OUTCOMES);
registerEnumType(ComplaintOutcomeEnum, {
  name: 'ComplaintOutcome',
  description: 'KO41(b) outcome, recorded when a complaint is closed.',
});

export const SubjectAreaEnum = enumOf(ALL_SUBJECT_AREAS);
registerEnumType(SubjectAreaEnum, {
  name: 'SubjectArea',
  description: 'KO41(b) subject area of a complaint.',
});

export const StaffGroupEnum = enumOf(ALL_STAFF_GROUPS);
registerEnumType(StaffGroupEnum, {
  name: 'StaffGroup',
  description: 'KO41(b) staff group a complaint concerns.',
});

export const ComplainantStatusEnum = enumOf(ALL_COMPLAINANT_STATUSES);
registerEnumType(ComplainantStatusEnum, {
  name: 'ComplainantStatus',
  description: 'KO41(b) status of the complainant.',
});

export const PatientAgeBandEnum = enumOf(ALL_PATIENT_AGE_BANDS);
registerEnumType(PatientAgeBandEnum, {
  name: 'PatientAgeBand',
  description: 'KO41(b) age band of the patient.',
});

export const FftRatingEnum = enumOf(ALL_FFT_RATINGS);
registerEnumType(FftRatingEnum, {
  name: 'FftRating',
  description: 'Friends and Family Test answer.',
});

/** How an item entered the log. */
export const FEEDBACK_SOURCES = ['staff', 'online_form', 'import'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export const FeedbackSourceEnum = enumOf(FEEDBACK_SOURCES);
registerEnumType(FeedbackSourceEnum, {
  name: 'FeedbackSource',
  description: 'staff (logged in the console), online_form, import (CSV).',
});
