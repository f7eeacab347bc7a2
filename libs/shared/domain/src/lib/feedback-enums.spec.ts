import {
  ALL_CHANNEL_KINDS,
  ALL_FEEDBACK_STATUSES,
  ALL_FFT_RATINGS,
  allowedTransitions,
  canTransition,
  CHANNEL_KIND_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  FEEDBACK_KIND_LABELS,
  FeedbackStatus,
  FFT_QUESTION,
  FFT_RATING_LABELS,
  INCIDENT_SEVERITY_DESCRIPTIONS,
  INCIDENT_SEVERITY_LABELS,
  isChannelKind,
  isComplaintOutcome,
  isFeedbackKind,
  isFeedbackStatus,
  isFftRating,
  isIncidentSeverity,
  isSentiment,
  OPEN_FEEDBACK_STATUSES,
  SENTIMENT_LABELS,
} from './feedback-enums';
import {
  ALL_PATIENT_AGE_BANDS,
  ALL_SUBJECT_AREAS,
  COMPLAINANT_STATUS_LABELS,
  isComplainantStatus,
  isPatientAgeBand,
  isStaffGroup,
  isSubjectArea,
  PATIENT_AGE_BAND_LABELS,
  patientAgeBandOf,
  STAFF_GROUP_LABELS,
  SUBJECT_AREA_LABELS,
} from './ko41b-codes';

describe('feedback status workflow', () => {
  const open: FeedbackStatus[] = ['received', 'acknowledged', 'investigating', 'responded'];

  it('moves forward one step at a time', () => {
    expect(canTransition('received', 'acknowledged')).toBe(true);
    expect(canTransition('acknowledged', 'investigating')).toBe(true);
    expect(canTransition('investigating', 'responded')).toBe(true);
    expect(canTransition('responded', 'closed')).toBe(true);
  });

  it('does not skip, go back, or stay put', () => {
    expect(canTransition('received', 'investigating')).toBe(false);
    expect(canTransition('received', 'closed')).toBe(false);
    expect(canTransition('responded', 'investigating')).toBe(false);
    expect(canTransition('acknowledged', 'acknowledged')).toBe(false);
  });

  it('allows withdrawal from every open status and nothing out of a final one', () => {
    for (const status of open) expect(canTransition(status, 'withdrawn')).toBe(true);
    expect(allowedTransitions('closed')).toEqual([]);
    expect(allowedTransitions('withdrawn')).toEqual([]);
    expect(canTransition('closed', 'withdrawn')).toBe(false);
    expect(OPEN_FEEDBACK_STATUSES).toEqual(open);
  });

  it('agrees between allowedTransitions and canTransition', () => {
    for (const from of ALL_FEEDBACK_STATUSES) {
      for (const to of ALL_FEEDBACK_STATUSES) {
        expect(canTransition(from, to)).toBe(allowedTransitions(from).includes(to));
      }
    }
  });
});

describe('Friends and Family Test', () => {
  it('asks the national question with the national answers, in order', () => {
    expect(FFT_QUESTION).toBe('Overall, how was your experience of our service?');
    expect(ALL_FFT_RATINGS.map((r) => FFT_RATING_LABELS[r])).toEqual([
      'Very good',
      'Good',
      'Neither good nor poor',
      'Poor',
      'Very poor',
      "Don't know",
    ]);
  });
});

describe('labels', () => {
  it('label every value of every enum', () => {
    expect(FEEDBACK_KIND_LABELS.suggestion).toBe('Comment or suggestion');
    expect(SENTIMENT_LABELS.negative).toBe('Negative');
    expect(COMPLAINT_OUTCOME_LABELS.partially_upheld).toBe('Partially upheld');
    expect(ALL_CHANNEL_KINDS.map((k) => CHANNEL_KIND_LABELS[k])).toEqual([
      'Letter box',
      'In person',
      'Email',
      'Phone',
      'NHS website review',
      'Online feedback form',
    ]);
    expect(Object.keys(SUBJECT_AREA_LABELS)).toEqual(ALL_SUBJECT_AREAS);
    expect(Object.keys(PATIENT_AGE_BAND_LABELS)).toEqual(ALL_PATIENT_AGE_BANDS);
    expect(STAFF_GROUP_LABELS.gp).toBe('GPs');
    expect(COMPLAINANT_STATUS_LABELS.relative_carer).toBe('Relative or carer');
  });

  it('describe the four incident severities', () => {
    expect(INCIDENT_SEVERITY_LABELS).toEqual({
      1: 'Low',
      2: 'Offensive',
      3: 'Abusive',
      4: 'Threatening',
    });
    expect(INCIDENT_SEVERITY_DESCRIPTIONS[1]).toMatch(/civil/);
    expect(INCIDENT_SEVERITY_DESCRIPTIONS[3]).toMatch(/staff/);
    expect(INCIDENT_SEVERITY_DESCRIPTIONS[4]).toMatch(/police/);
  });

  it('use identifiers a GraphQL enum accepts', () => {
    for (const value of [...ALL_PATIENT_AGE_BANDS, ...ALL_SUBJECT_AREAS, ...ALL_CHANNEL_KINDS]) {
      expect(value).toMatch(/^[a-z_][a-z0-9_]*$/);
    }
  });
});

describe('guards', () => {
  it.each([
    [isFeedbackKind, 'complaint', 'grumble'],
    [isSentiment, 'neutral', 'mixed'],
    [isFeedbackStatus, 'investigating', 'open'],
    [isComplaintOutcome, 'not_upheld', 'rejected'],
    [isChannelKind, 'nhs_website', 'twitter'],
    [isFftRating, 'dont_know', "Don't know"],
    [isSubjectArea, 'prescribing', 'Prescribing'],
    [isStaffGroup, 'admin_reception', 'reception'],
    [isComplainantStatus, 'representative', 'mp'],
    [isPatientAgeBand, 'age_85_plus', '85+'],
  ] as [(v: unknown) => boolean, string, string][])(
    'accept known values and refuse others',
    (guard, known, unknown) => {
      expect(guard(known)).toBe(true);
      expect(guard(unknown)).toBe(false);
      expect(guard(undefined)).toBe(false);
      expect(guard(null)).toBe(false);
    },
  );

  it('accepts severities 1–4 as numbers only', () => {
    expect([1, 2, 3, 4].every(isIncidentSeverity)).toBe(true);
    expect(isIncidentSeverity(0)).toBe(false);
    expect(isIncidentSeverity(5)).toBe(false);
    expect(isIncidentSeverity('3')).toBe(false);
  });
});

describe('patientAgeBandOf', () => {
  it.each([
    [0, 'age_0_15'],
    [15, 'age_0_15'],
    [16, 'age_16_64'],
    [64, 'age_16_64'],
    [65, 'age_65_74'],
    [74, 'age_65_74'],
    [75, 'age_75_84'],
    [84, 'age_75_84'],
    [85, 'age_85_plus'],
    [103, 'age_85_plus'],
    [undefined, 'unknown'],
    [-1, 'unknown'],
    [40.5, 'unknown'],
  ])('puts age %p in band %s', (age, band) => {
    expect(patientAgeBandOf(age)).toBe(band);
  });
});
