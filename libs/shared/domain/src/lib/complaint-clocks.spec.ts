import {
  ComplaintClockInput,
  complaintClocks,
  DEFAULT_CLOCK_SETTINGS,
  isOutsideRegulations,
  MIN_WORKING_DAYS_IN_MONTHS,
  validateClockSettings,
} from './complaint-clocks';
import { addDays, addMonths, IsoDate } from './iso-date';
import { ENGLAND_WALES_BANK_HOLIDAYS as holidays, workingDaysBetween } from './working-days';

const clocks = (input: Omit<ComplaintClockInput, 'holidays'>) =>
  complaintClocks({ holidays, ...input });

describe('acknowledgement clock', () => {
  it('is due by the 3rd working day after receipt', () => {
    expect(clocks({ receivedOn: '2024-06-03', today: '2024-06-03' }).acknowledgementDue).toBe(
      '2024-06-06', // Monday → Thursday
    );
    expect(clocks({ receivedOn: '2024-06-07', today: '2024-06-07' }).acknowledgementDue).toBe(
      '2024-06-12', // Friday → Wednesday
    );
    expect(clocks({ receivedOn: '2024-06-08', today: '2024-06-08' }).acknowledgementDue).toBe(
      '2024-06-12', // Saturday → Wednesday
    );
    // Maundy Thursday: Good Friday and Easter Monday do not count.
    expect(clocks({ receivedOn: '2024-03-28', today: '2024-03-28' }).acknowledgementDue).toBe(
      '2024-04-04',
    );
  });

  it('can be stricter than the regulations', () => {
    const c = clocks({ receivedOn: '2024-06-07', today: '2024-06-07', ackWorkingDays: 1 });
    expect(c.acknowledgementDue).toBe('2024-06-10');
  });

  it('is overdue only after the due day, and only while unacknowledged', () => {
    const base = { receivedOn: '2024-06-03' as IsoDate };
    expect(clocks({ ...base, today: '2024-06-06' }).acknowledgementOverdue).toBe(false);
    expect(clocks({ ...base, today: '2024-06-07' }).acknowledgementOverdue).toBe(true);
    expect(
      clocks({ ...base, today: '2024-06-07', acknowledgedOn: '2024-06-07' }).acknowledgementOverdue,
    ).toBe(false);
  });

  it('records whether the acknowledgement was in time', () => {
    const base = { receivedOn: '2024-06-03' as IsoDate, today: '2024-06-20' as IsoDate };
    expect(clocks(base).acknowledgedInTime).toBeUndefined();
    expect(clocks({ ...base, acknowledgedOn: '2024-06-03' }).acknowledgedInTime).toBe(true);
    expect(clocks({ ...base, acknowledgedOn: '2024-06-06' }).acknowledgedInTime).toBe(true);
    expect(clocks({ ...base, acknowledgedOn: '2024-06-07' }).acknowledgedInTime).toBe(false);
  });
});

describe('delay letter clock', () => {
  it('falls due 6 months after receipt, clamped to the month end', () => {
    expect(clocks({ receivedOn: '2024-01-15', today: '2024-01-15' }).delayLetterDue).toBe(
      '2024-07-15',
    );
    expect(clocks({ receivedOn: '2023-08-31', today: '2023-08-31' }).delayLetterDue).toBe(
      '2024-02-29',
    );
    expect(
      clocks({ receivedOn: '2024-01-15', today: '2024-01-15', delayLetterMonths: 3 })
        .delayLetterDue,
    ).toBe('2024-04-15');
  });

  it('is overdue after the due day while no response has been sent', () => {
    const base = { receivedOn: '2024-01-15' as IsoDate };
    expect(clocks({ ...base, today: '2024-07-15' }).delayLetterOverdue).toBe(false);
    expect(clocks({ ...base, today: '2024-07-16' }).delayLetterOverdue).toBe(true);
    expect(
      clocks({ ...base, today: '2024-07-16', respondedOn: '2024-05-01' }).delayLetterOverdue,
    ).toBe(false);
  });
});

describe('time limit', () => {
  it('runs 12 months from the event, the last day included', () => {
    const onTime = clocks({ eventOn: '2024-03-10', receivedOn: '2025-03-10', today: '2025-03-10' });
    expect(onTime.timeLimit).toEqual({ withinLimit: true, limitDate: '2025-03-10' });
    const late = clocks({ eventOn: '2024-03-10', receivedOn: '2025-03-11', today: '2025-03-11' });
    expect(late.timeLimit).toEqual({ withinLimit: false, limitDate: '2025-03-10' });
  });

  it('runs from becoming aware when that is later than the event', () => {
    const c = clocks({
      eventOn: '2023-01-05',
      awareOn: '2024-02-01',
      receivedOn: '2025-01-20',
      today: '2025-01-20',
    });
    expect(c.timeLimit).toEqual({ withinLimit: true, limitDate: '2025-02-01' });
  });

  it('ignores an awareness date earlier than the event', () => {
    const c = clocks({
      eventOn: '2024-02-01',
      awareOn: '2024-01-01',
      receivedOn: '2025-01-20',
      today: '2025-01-20',
    });
    expect(c.timeLimit?.limitDate).toBe('2025-02-01');
  });

  it('uses whichever date is known, clamping a leap day', () => {
    const c = clocks({ awareOn: '2024-02-29', receivedOn: '2025-03-01', today: '2025-03-01' });
    expect(c.timeLimit).toEqual({ withinLimit: false, limitDate: '2025-02-28' });
  });

  it('is absent when neither date is recorded', () => {
    expect(clocks({ receivedOn: '2025-01-20', today: '2025-01-20' }).timeLimit).toBeUndefined();
  });

  it('can be longer when the practice waives it', () => {
    const c = clocks({
      eventOn: '2023-01-10',
      receivedOn: '2024-05-01',
      today: '2024-05-01',
      timeLimitMonths: 18,
    });
    expect(c.timeLimit).toEqual({ withinLimit: true, limitDate: '2024-07-10' });
  });
});

describe('isOutsideRegulations', () => {
  const oral = (receivedOn: IsoDate, resolvedOn?: IsoDate) =>
    isOutsideRegulations({ oral: true, receivedOn, resolvedOn, holidays });

  it('is true for an oral complaint resolved the same day or the next working day', () => {
    expect(oral('2024-06-04', '2024-06-04')).toBe(true);
    expect(oral('2024-06-04', '2024-06-05')).toBe(true);
    expect(oral('2024-06-07', '2024-06-10')).toBe(true); // Friday → Monday
    expect(oral('2024-03-28', '2024-04-02')).toBe(true); // over Easter
  });

  it('is false when resolved later, unresolved, or not oral', () => {
    expect(oral('2024-06-04', '2024-06-06')).toBe(false);
    expect(oral('2024-06-07', '2024-06-11')).toBe(false);
    expect(oral('2024-06-04')).toBe(false);
    expect(oral('2024-06-04', '2024-06-03')).toBe(false);
    expect(
      isOutsideRegulations({
        oral: false,
        receivedOn: '2024-06-04',
        resolvedOn: '2024-06-04',
        holidays,
      }),
    ).toBe(false);
  });
});

describe('validateClockSettings', () => {
  const valid = { ackWorkingDays: 3, responseTargetWorkingDays: 20, delayLetterMonths: 6 };

  it('accepts the regulations and anything stricter', () => {
    expect(validateClockSettings(DEFAULT_CLOCK_SETTINGS)).toEqual([]);
    expect(validateClockSettings(valid)).toEqual([]);
    expect(
      validateClockSettings({
        ackWorkingDays: 1,
        responseTargetWorkingDays: 1,
        delayLetterMonths: 1,
      }),
    ).toEqual([]);
  });

  it('refuses acknowledging later than the 3rd working day, saying why', () => {
    const errors = validateClockSettings({ ...valid, ackWorkingDays: 4 });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('ackWorkingDays');
    expect(errors[0]?.message).toMatch(/3rd working day/);
  });

  it.each([0, -1, 2.5, NaN])('refuses an acknowledgement period of %p', (ackWorkingDays) => {
    expect(validateClockSettings({ ...valid, ackWorkingDays }).map((e) => e.field)).toContain(
      'ackWorkingDays',
    );
  });

  it('refuses a delay letter later than 6 months', () => {
    const errors = validateClockSettings({ ...valid, delayLetterMonths: 7 });
    expect(errors).toEqual([
      { field: 'delayLetterMonths', message: expect.stringMatching(/6 months/) },
    ]);
    expect(validateClockSettings({ ...valid, delayLetterMonths: 0 })[0]?.field).toBe(
      'delayLetterMonths',
    );
  });

  it('keeps the response target between acknowledgement and delay letter', () => {
    const field = (s: typeof valid) => validateClockSettings(s).map((e) => e.field);
    expect(field({ ...valid, responseTargetWorkingDays: 2 })).toEqual([
      'responseTargetWorkingDays',
    ]);
    expect(field({ ...valid, responseTargetWorkingDays: 3 })).toEqual([]);
    expect(field({ ...valid, responseTargetWorkingDays: 121 })).toEqual([]);
    expect(field({ ...valid, responseTargetWorkingDays: 122 })).toEqual([
      'responseTargetWorkingDays',
    ]);
    expect(field({ ...valid, delayLetterMonths: 3, responseTargetWorkingDays: 60 })).toEqual([
      'responseTargetWorkingDays',
    ]);
  });

  it('refuses shortening the 12-month time limit, allows extending it', () => {
    expect(validateClockSettings({ ...valid, timeLimitMonths: 11 })).toEqual([
      { field: 'timeLimitMonths', message: expect.stringMatching(/12 months/) },
    ]);
    expect(validateClockSettings({ ...valid, timeLimitMonths: 24 })).toEqual([]);
  });

  it('reports every bad field at once', () => {
    const errors = validateClockSettings({
      ackWorkingDays: 5,
      responseTargetWorkingDays: 0,
      delayLetterMonths: 12,
      timeLimitMonths: 6,
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      'ackWorkingDays',
      'delayLetterMonths',
      'responseTargetWorkingDays',
      'timeLimitMonths',
    ]);
  });

  it('bounds the target by the fewest working days any window of that many months holds', () => {
    const holidaySet = new Set(holidays);
    for (let months = 1; months <= 6; months++) {
      let fewest = Infinity;
      for (let day: IsoDate = '2018-01-01'; day <= '2030-06-30'; day = addDays(day, 1)) {
        fewest = Math.min(fewest, workingDaysBetween(day, addMonths(day, months), holidaySet));
      }
      expect(MIN_WORKING_DAYS_IN_MONTHS[months]).toBe(fewest);
    }
  });
});
