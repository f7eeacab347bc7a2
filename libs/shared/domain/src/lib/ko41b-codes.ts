import { enumGuard } from './enum-guard';

// Coding of a complaint for the KO41(b) annual return (written complaints in general practice).
// Values are GraphQL-safe identifiers (no leading digit), hence `age_0_15` and not `0-15`.

/** What the complaint is about; one complaint may touch several areas. */
export const SubjectArea = {
  Clinical: 'clinical',
  AccessAppointments: 'access_appointments',
  Communication: 'communication',
  StaffAttitudeBehaviour: 'staff_attitude_behaviour',
  Prescribing: 'prescribing',
  PracticeAdministration: 'practice_administration',
  Premises: 'premises',
  Other: 'other',
} as const;
export type SubjectArea = (typeof SubjectArea)[keyof typeof SubjectArea];
export const ALL_SUBJECT_AREAS: readonly SubjectArea[] = Object.values(SubjectArea);
export const SUBJECT_AREA_LABELS: Readonly<Record<SubjectArea, string>> = {
  clinical: 'Clinical care and treatment',
  access_appointments: 'Access to services and appointments (availability, delays, cancellations)',
  communication: 'Communication and information to patients (written and oral)',
  staff_attitude_behaviour: 'Staff attitude, behaviour and values',
  prescribing: 'Prescribing',
  practice_administration: 'Practice administration',
  premises: 'Premises and facilities',
  other: 'Other',
};
export const isSubjectArea = enumGuard(ALL_SUBJECT_AREAS);

/** Which staff the complaint concerns; one complaint may concern several groups. */
export const StaffGroup = {
  Gp: 'gp',
  Nurse: 'nurse',
  OtherClinical: 'other_clinical',
  AdminReception: 'admin_reception',
  PracticeManagement: 'practice_management',
  Other: 'other',
} as const;
export type StaffGroup = (typeof StaffGroup)[keyof typeof StaffGroup];
export const ALL_STAFF_GROUPS: readonly StaffGroup[] = Object.values(StaffGroup);
export const STAFF_GROUP_LABELS: Readonly<Record<StaffGroup, string>> = {
  gp: 'GPs',
  nurse: 'Nurses',
  other_clinical: 'Other clinical staff',
  admin_reception: 'Admin and reception',
  practice_management: 'Practice management',
  other: 'Other',
};
export const isStaffGroup = enumGuard(ALL_STAFF_GROUPS);

/** Who made the complaint, relative to the patient. */
export const ComplainantStatus = {
  Patient: 'patient',
  RelativeCarer: 'relative_carer',
  Representative: 'representative',
  Other: 'other',
} as const;
export type ComplainantStatus = (typeof ComplainantStatus)[keyof typeof ComplainantStatus];
export const ALL_COMPLAINANT_STATUSES: readonly ComplainantStatus[] =
  Object.values(ComplainantStatus);
export const COMPLAINANT_STATUS_LABELS: Readonly<Record<ComplainantStatus, string>> = {
  patient: 'Patient',
  relative_carer: 'Relative or carer',
  representative: 'Representative (e.g. advocate, MP)',
  other: 'Other',
};
export const isComplainantStatus = enumGuard(ALL_COMPLAINANT_STATUSES);

/** Age of the patient the complaint is about, in the KO41(b) bands. */
export const PatientAgeBand = {
  Age0To15: 'age_0_15',
  Age16To64: 'age_16_64',
  Age65To74: 'age_65_74',
  Age75To84: 'age_75_84',
  Age85Plus: 'age_85_plus',
  Unknown: 'unknown',
} as const;
export type PatientAgeBand = (typeof PatientAgeBand)[keyof typeof PatientAgeBand];
export const ALL_PATIENT_AGE_BANDS: readonly PatientAgeBand[] = Object.values(PatientAgeBand);
export const PATIENT_AGE_BAND_LABELS: Readonly<Record<PatientAgeBand, string>> = {
  age_0_15: '0–15',
  age_16_64: '16–64',
  age_65_74: '65–74',
  age_75_84: '75–84',
  age_85_plus: '85 and over',
  unknown: 'Unknown',
};
export const isPatientAgeBand = enumGuard(ALL_PATIENT_AGE_BANDS);

/** The band for an age in whole years; `undefined` (not recorded) gives `unknown`. */
export function patientAgeBandOf(ageInYears: number | undefined): PatientAgeBand {
  if (ageInYears === undefined || !Number.isInteger(ageInYears) || ageInYears < 0) {
    return PatientAgeBand.Unknown;
  }
  if (ageInYears <= 15) return PatientAgeBand.Age0To15;
  if (ageInYears <= 64) return PatientAgeBand.Age16To64;
  if (ageInYears <= 74) return PatientAgeBand.Age65To74;
  if (ageInYears <= 84) return PatientAgeBand.Age75To84;
  return PatientAgeBand.Age85Plus;
}
