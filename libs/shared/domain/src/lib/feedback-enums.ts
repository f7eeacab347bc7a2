import { enumGuard } from './enum-guard';

/** What a feedback item is. Only complaints run the statutory clocks and count in KO41(b). */
export const FeedbackKind = {
  Compliment: 'compliment',
  Suggestion: 'suggestion',
  Complaint: 'complaint',
} as const;
export type FeedbackKind = (typeof FeedbackKind)[keyof typeof FeedbackKind];
export const ALL_FEEDBACK_KINDS: readonly FeedbackKind[] = Object.values(FeedbackKind);
export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, string>> = {
  compliment: 'Compliment',
  suggestion: 'Comment or suggestion',
  complaint: 'Complaint',
};
export const isFeedbackKind = enumGuard(ALL_FEEDBACK_KINDS);

/** The tone of an item, recorded separately from its kind (a suggestion can be negative). */
export const Sentiment = {
  Positive: 'positive',
  Neutral: 'neutral',
  Negative: 'negative',
} as const;
export type Sentiment = (typeof Sentiment)[keyof typeof Sentiment];
export const ALL_SENTIMENTS: readonly Sentiment[] = Object.values(Sentiment);
export const SENTIMENT_LABELS: Readonly<Record<Sentiment, string>> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};
export const isSentiment = enumGuard(ALL_SENTIMENTS);

/**
 * Workflow of a feedback item: received → acknowledged → investigating → responded → closed,
 * or withdrawn by the complainant at any point while still open.
 */
export const FeedbackStatus = {
  Received: 'received',
  Acknowledged: 'acknowledged',
  Investigating: 'investigating',
  Responded: 'responded',
  Closed: 'closed',
  Withdrawn: 'withdrawn',
} as const;
export type FeedbackStatus = (typeof FeedbackStatus)[keyof typeof FeedbackStatus];
export const ALL_FEEDBACK_STATUSES: readonly FeedbackStatus[] = Object.values(FeedbackStatus);
export const FEEDBACK_STATUS_LABELS: Readonly<Record<FeedbackStatus, string>> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  responded: 'Responded',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};
export const isFeedbackStatus = enumGuard(ALL_FEEDBACK_STATUSES);

const TRANSITIONS: Readonly<Record<FeedbackStatus, readonly FeedbackStatus[]>> = {
  received: ['acknowledged', 'withdrawn'],
  acknowledged: ['investigating', 'withdrawn'],
  investigating: ['responded', 'withdrawn'],
  responded: ['closed', 'withdrawn'],
  closed: [],
  withdrawn: [],
};

/** Statuses from which the item can still move (closed and withdrawn are final). */
export const OPEN_FEEDBACK_STATUSES: readonly FeedbackStatus[] = ALL_FEEDBACK_STATUSES.filter(
  (status) => TRANSITIONS[status].length > 0,
);

/** The statuses an item in `from` may move to next; empty for a final status. */
export function allowedTransitions(from: FeedbackStatus): readonly FeedbackStatus[] {
  return TRANSITIONS[from];
}

/** Whether `from` → `to` is a step of the workflow (staying put is not a transition). */
export function canTransition(from: FeedbackStatus, to: FeedbackStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** KO41(b) outcome of a resolved complaint. */
export const ComplaintOutcome = {
  Upheld: 'upheld',
  PartiallyUpheld: 'partially_upheld',
  NotUpheld: 'not_upheld',
} as const;
export type ComplaintOutcome = (typeof ComplaintOutcome)[keyof typeof ComplaintOutcome];
export const ALL_COMPLAINT_OUTCOMES: readonly ComplaintOutcome[] = Object.values(ComplaintOutcome);
export const COMPLAINT_OUTCOME_LABELS: Readonly<Record<ComplaintOutcome, string>> = {
  upheld: 'Upheld',
  partially_upheld: 'Partially upheld',
  not_upheld: 'Not upheld',
};
export const isComplaintOutcome = enumGuard(ALL_COMPLAINT_OUTCOMES);

/**
 * How feedback reaches the practice. A complaint may arrive by any of them: the regulations let
 * nobody insist on writing. NHS website reviews are moderated and are not formal complaints.
 */
export const ChannelKind = {
  LetterBox: 'letter_box',
  InPerson: 'in_person',
  Email: 'email',
  Phone: 'phone',
  NhsWebsite: 'nhs_website',
  OnlineForm: 'online_form',
} as const;
export type ChannelKind = (typeof ChannelKind)[keyof typeof ChannelKind];
export const ALL_CHANNEL_KINDS: readonly ChannelKind[] = Object.values(ChannelKind);
export const CHANNEL_KIND_LABELS: Readonly<Record<ChannelKind, string>> = {
  letter_box: 'Letter box',
  in_person: 'In person',
  email: 'Email',
  phone: 'Phone',
  nhs_website: 'NHS website review',
  online_form: 'Online feedback form',
};
export const isChannelKind = enumGuard(ALL_CHANNEL_KINDS);

/** The Friends and Family Test question, word for word. */
export const FFT_QUESTION = 'Overall, how was your experience of our service?';

/** Friends and Family Test answers, in the order they are offered. */
export const FftRating = {
  VeryGood: 'very_good',
  Good: 'good',
  Neither: 'neither',
  Poor: 'poor',
  VeryPoor: 'very_poor',
  DontKnow: 'dont_know',
} as const;
export type FftRating = (typeof FftRating)[keyof typeof FftRating];
export const ALL_FFT_RATINGS: readonly FftRating[] = Object.values(FftRating);
export const FFT_RATING_LABELS: Readonly<Record<FftRating, string>> = {
  very_good: 'Very good',
  good: 'Good',
  neither: 'Neither good nor poor',
  poor: 'Poor',
  very_poor: 'Very poor',
  dont_know: "Don't know",
};
export const isFftRating = enumGuard(ALL_FFT_RATINGS);

/** How serious a social-media incident is; the escalation ladder's triggers use these levels. */
export const IncidentSeverity = {
  Low: 1,
  Offensive: 2,
  Abusive: 3,
  Threatening: 4,
} as const;
export type IncidentSeverity = (typeof IncidentSeverity)[keyof typeof IncidentSeverity];
export const ALL_INCIDENT_SEVERITIES: readonly IncidentSeverity[] = Object.values(IncidentSeverity);
export const INCIDENT_SEVERITY_LABELS: Readonly<Record<IncidentSeverity, string>> = {
  1: 'Low',
  2: 'Offensive',
  3: 'Abusive',
  4: 'Threatening',
};
export const INCIDENT_SEVERITY_DESCRIPTIONS: Readonly<Record<IncidentSeverity, string>> = {
  1: 'Critical but civil: fair criticism, however strongly put. Invite the person to raise it with us.',
  2: 'Offensive or insulting language, without naming or targeting anyone.',
  3: 'Abusive, or names or targets members of staff. Two or more connected posts may amount to harassment.',
  4: 'Threatening or violent: threats or incitement to harm. Report it to the police.',
};
export const isIncidentSeverity = enumGuard(ALL_INCIDENT_SEVERITIES);
