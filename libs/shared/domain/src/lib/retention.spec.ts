import { retentionEnded, retentionEndsOn } from './retention';

describe('complaint retention', () => {
  it('runs the given years from the day of closure, clamping 29 February like addMonths', () => {
    expect(retentionEndsOn('2015-03-10', 10)).toBe('2025-03-10');
    expect(retentionEndsOn('2016-02-29', 10)).toBe('2026-02-28');
  });

  it('has ended only once the record was closed more than the period ago', () => {
    expect(retentionEnded('2015-03-10', 10, '2025-03-10')).toBe(false);
    expect(retentionEnded('2015-03-10', 10, '2025-03-11')).toBe(true);
    expect(retentionEnded('2015-03-10', 12, '2025-03-11')).toBe(false);
  });
});
