import {
  addDays,
  addMonths,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  IsoDate,
  isIsoDate,
  laterOf,
  londonDateOf,
  toIsoDate,
} from './iso-date';

describe('isIsoDate / toIsoDate', () => {
  it.each(['2024-02-29', '2023-12-31', '2000-02-29', '1970-01-01'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
    expect(toIsoDate(value)).toBe(value);
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-01',
    '24-01-01',
    '2024-01-01T00:00:00Z',
    ' 2024-01-01',
    '',
  ])('refuses %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => toIsoDate(value)).toThrow(RangeError);
  });

  it('refuses non-strings', () => {
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01'); // across the clocks going forward
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28'); // across the clocks going back
    expect(addDays('2024-06-15', 0)).toBe('2024-06-15');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('refuses fractional days and invalid dates', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2024-02-30' as IsoDate, 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month when it exists', () => {
    expect(addMonths('2024-01-15', 6)).toBe('2024-07-15');
    expect(addMonths('2024-11-30', 2)).toBe('2025-01-30');
    expect(addMonths('2024-05-31', 0)).toBe('2024-05-31');
  });

  it('clamps to the end of a shorter month: 31 Aug + 6 months is 28/29 Feb', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('goes backwards for negative n, clamping the same way', () => {
    expect(addMonths('2025-02-28', -12)).toBe('2024-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('refuses fractional months', () => {
    expect(() => addMonths('2024-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('comparisons', () => {
  it('counts calendar days between dates, signed', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0);
  });

  it('orders dates and picks the later', () => {
    const dates: IsoDate[] = ['2024-10-01', '2023-12-31', '2024-02-29'];
    expect([...dates].sort(compareIsoDates)).toEqual(['2023-12-31', '2024-02-29', '2024-10-01']);
    expect(laterOf('2024-01-02', '2024-01-01')).toBe('2024-01-02');
    expect(laterOf('2024-01-01', '2024-01-02')).toBe('2024-01-02');
  });

  it('knows the day of the week, before the epoch too', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(dayOfWeek('2024-01-01')).toBe(1); // Monday
    expect(dayOfWeek('2024-06-09')).toBe(0); // Sunday
    expect(dayOfWeek('2024-06-15')).toBe(6); // Saturday
  });
});

describe('londonDateOf', () => {
  it('gives the UK calendar date, which in summer runs an hour ahead of UTC', () => {
    expect(londonDateOf(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
    expect(londonDateOf(new Date('2024-06-30T22:59:00Z'))).toBe('2024-06-30');
    expect(londonDateOf(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-31');
    expect(londonDateOf(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01');
  });
});

describe('timezone independence', () => {
  // Whatever zone the machine is in, only local-time Date methods could make it matter: forbid
  // them all while the arithmetic runs.
  const localMethods = [
    'getFullYear',
    'getMonth',
    'getDate',
    'getDay',
    'getHours',
    'getTimezoneOffset',
    'setFullYear',
    'setMonth',
    'setDate',
    'setHours',
    'toDateString',
  ] as const;
  afterEach(() => jest.restoreAllMocks());

  it('uses no local-time Date method', () => {
    for (const method of localMethods) {
      jest.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`local-time ${method} used`);
      });
    }
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(dayOfWeek('2024-01-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-04-01')).toBe(31);
    expect(compareIsoDates('2024-03-01', '2024-04-01')).toBeLessThan(0);
  });
});
