import { enumGuard } from './enum-guard';
import { addMonths, compareIsoDates, type IsoDate } from './iso-date';

/**
 * Retention of complaint records. The NHS Records Management Code of Practice keeps complaint
 * records 10 years after closure; a practice may keep them longer, never shorter. When the period
 * has run, a manager reviews each record: keep it for longer, or approve it for destruction.
 * Parley itself never deletes a complaint record.
 */
export const COMPLAINT_RETENTION = {
  /** The Records Management Code's minimum, and the default. */
  minYears: 10,
  defaultYears: 10,
  /** A sanity bound on a practice's setting. */
  maxYears: 30,
  /** How much longer one "keep" decision may hold a record before it is reviewed again. */
  maxKeepYears: 30,
  reasonLength: 2000,
} as const;

export const RetentionDecision = {
  /** Keep the record for a further number of years, then review it again. */
  Keep: 'keep',
  /** Reviewed and may be destroyed; the record stays until someone destroys it outside Parley. */
  ApprovedForDestruction: 'approved_for_destruction',
} as const;
export type RetentionDecision = (typeof RetentionDecision)[keyof typeof RetentionDecision];
export const ALL_RETENTION_DECISIONS: readonly RetentionDecision[] =
  Object.values(RetentionDecision);
export const isRetentionDecision = enumGuard(ALL_RETENTION_DECISIONS);

/** The last day of a record's retention period: `years` after the day it was closed. */
export function retentionEndsOn(closedOn: IsoDate, years: number): IsoDate {
  return addMonths(closedOn, 12 * years);
}

/** True once the period has run: the record was closed more than `years` ago. */
export function retentionEnded(closedOn: IsoDate, years: number, today: IsoDate): boolean {
  return compareIsoDates(retentionEndsOn(closedOn, years), today) < 0;
}
