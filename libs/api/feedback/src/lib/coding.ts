import { ALL_STAFF_GROUPS, ALL_SUBJECT_AREAS, type FieldError } from '@parley/shared/domain';
import type { FeedbackRow } from './feedback-rows';
import type { CodingFields } from './feedback-writer';
import type { Ko41bCodingInput } from './feedback.inputs';

/** Coding as stored: each area and group once, in the KO41(b) order. */
export function normaliseCoding(input: Ko41bCodingInput): CodingFields {
  return {
    subjectAreas: ALL_SUBJECT_AREAS.filter((a) => input.subjectAreas?.includes(a)),
    staffGroups: ALL_STAFF_GROUPS.filter((g) => input.staffGroups?.includes(g)),
    complainantStatus: input.complainantStatus ?? null,
    ageBand: input.ageBand ?? null,
  };
}

/** What KO41(b) needs before a complaint is closed (staff groups may be none, e.g. premises). */
export function missingCoding(coding: CodingFields): FieldError[] {
  const problems: FieldError[] = [];
  const need = 'Code the complaint for KO41(b) before closing it:';
  if (coding.subjectAreas.length === 0)
    problems.push({
      field: 'coding.subjectAreas',
      message: `${need} choose at least one subject area.`,
    });
  if (!coding.complainantStatus)
    problems.push({
      field: 'coding.complainantStatus',
      message: `${need} record the status of the complainant.`,
    });
  if (!coding.ageBand)
    problems.push({
      field: 'coding.ageBand',
      message: `${need} record the patient's age band (unknown is an answer).`,
    });
  return problems;
}

export function codingOfRow(
  row: Pick<FeedbackRow, 'subject_areas' | 'staff_groups' | 'complainant_status' | 'age_band'>,
): CodingFields {
  return {
    subjectAreas: row.subject_areas,
    staffGroups: row.staff_groups,
    complainantStatus: row.complainant_status,
    ageBand: row.age_band,
  };
}
