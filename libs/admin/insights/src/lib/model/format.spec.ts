import { InsightsFlagReason, InsightsPeriod } from '../generated/graphql';
import { count, MARK } from '../../testing/fixtures';
import {
  flagText,
  monthLabel,
  NOT_SHOWN,
  notAssessedText,
  policyWarningText,
  rangeText,
  shownCount,
  shownPercent,
  shownRate,
  thresholdsText,
} from './format';

describe('figures as shown', () => {
  it('a count is printed as the API sent it, hidden ones marked', () => {
    expect(shownCount(count(12))).toEqual({ text: '12', hidden: false });
    expect(shownCount(count(0))).toEqual({ text: '0', hidden: false });
    expect(shownCount(count(null))).toEqual({ text: MARK, hidden: true });
  });

  it('a rate behind a hidden count shows the count’s marker, never a number', () => {
    expect(shownRate(2.154, count(12))).toEqual({ text: '2.15', hidden: false });
    expect(shownRate(0, count(0))).toEqual({ text: '0', hidden: false });
    expect(shownRate(null, count(null))).toEqual({ text: MARK, hidden: true });
    expect(shownRate(null, count(0))).toEqual({ text: '–', hidden: false });
  });

  it('a share is a dash without complaints, and "not shown" when a count behind it is hidden', () => {
    expect(shownPercent(66.7, count(9))).toEqual({ text: '66.7%', hidden: false });
    expect(shownPercent(null, count(0))).toEqual({ text: '–', hidden: false });
    expect(shownPercent(null, count(null))).toEqual({ text: MARK, hidden: true });
    // The complaints are shown but one of the acknowledgement counts is not.
    expect(shownPercent(null, count(7))).toEqual({ text: NOT_SHOWN, hidden: true });
  });
});

describe('words', () => {
  it('flags say the value and the ICB’s threshold', () => {
    expect(flagText({ reason: InsightsFlagReason.ComplaintRate, value: 7.25, threshold: 5 })).toBe(
      '7.25 complaints per 1,000 patients a year: above the ICB’s maximum of 5',
    );
    expect(flagText({ reason: InsightsFlagReason.AckCompliance, value: 50, threshold: 90 })).toBe(
      '50% acknowledged within 3 working days: below the ICB’s minimum of 90%',
    );
    expect(notAssessedText(InsightsFlagReason.ComplaintRate)).toMatch(/not assessed/);
  });

  it('thresholds, set or not', () => {
    expect(
      thresholdsText({ maxComplaintsPer1000PerYear: 4.5, minAckWithin3DaysPercent: null }),
    ).toEqual([
      'Practices above 4.5 complaints per 1,000 registered patients per year are flagged.',
      'Practices are not flagged on acknowledgement.',
    ]);
  });

  it('months and ranges', () => {
    expect(monthLabel('2025-04')).toBe('Apr 2025');
    expect(
      rangeText({ fromMonth: '2025-12', toMonth: '2026-11', period: InsightsPeriod.Quarter }),
    ).toBe('From Dec 2025 to Nov 2026, by financial-year quarter.');
  });

  it('policy check codes in words, unknown ones as they are', () => {
    expect(policyWarningText('WRITING_ONLY')).toBe('Asks for complaints in writing only');
    expect(policyWarningText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
