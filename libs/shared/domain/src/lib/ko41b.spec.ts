import { ComplaintOutcome } from './feedback-enums';
import { IsoDate } from './iso-date';
import {
  computeKo41b,
  financialYearOf,
  financialYearRange,
  isFinancialYear,
  Ko41bComplaint,
  ko41bArithmeticChecks,
  ko41bCsvHeader,
  ko41bCsvValues,
  Ko41bResult,
  ko41bToCsv,
} from './ko41b';

const complaint = (
  receivedOn: IsoDate,
  closedOn?: IsoDate,
  outcome?: ComplaintOutcome,
  extra: Partial<Ko41bComplaint> = {},
): Ko41bComplaint => ({
  receivedOn,
  closedOn,
  outcome,
  subjectAreas: ['clinical'],
  staffGroups: ['gp'],
  complainantStatus: 'patient',
  ageBand: 'age_16_64',
  withinRegulations: true,
  ...extra,
});

describe('financial years', () => {
  it('puts 31 March in the year before and 1 April in the new one', () => {
    expect(financialYearOf('2025-03-31')).toBe('2024-25');
    expect(financialYearOf('2025-04-01')).toBe('2025-26');
    expect(financialYearOf('2024-01-15')).toBe('2023-24');
    expect(financialYearOf('1999-12-31')).toBe('1999-00');
    expect(financialYearOf('2009-06-01')).toBe('2009-10');
  });

  it('gives the first and last day of a year', () => {
    expect(financialYearRange('2024-25')).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(financialYearRange('1999-00')).toEqual({ start: '1999-04-01', end: '2000-03-31' });
  });

  it('refuses years that do not follow on', () => {
    expect(isFinancialYear('2024-25')).toBe(true);
    expect(isFinancialYear('2024-26')).toBe(false);
    expect(isFinancialYear('2024-2025')).toBe(false);
    expect(isFinancialYear(2024)).toBe(false);
    expect(isFinancialYear('1999-00')).toBe(true);
    expect(isFinancialYear('0000-01')).toBe(false);
    expect(isFinancialYear('9999-00')).toBe(false);
    expect(() => financialYearRange('2024-26')).toThrow(RangeError);
  });
});

describe('computeKo41b', () => {
  const fy = '2024-25';

  it('counts brought forward, new, resolved and carried forward at the year boundaries', () => {
    const result = computeKo41b(
      [
        complaint('2024-03-31', undefined), // open since last year: brought and carried forward
        complaint('2024-03-01', '2024-04-01', 'upheld'), // brought forward, resolved on day 1
        complaint('2024-02-01', '2024-03-31', 'upheld'), // closed last year: not counted at all
        complaint('2024-04-01', '2025-03-31', 'not_upheld'), // new, resolved on the last day
        complaint('2025-03-31', '2025-04-01', 'upheld'), // new, carried forward
        complaint('2025-04-01'), // next year: not counted
        complaint('2024-06-01', '2024-06-20', 'partially_upheld'),
      ],
      fy,
    );
    expect(result).toMatchObject({
      financialYear: fy,
      broughtForward: 2,
      new: 3,
      resolved: 3,
      upheld: 1,
      partiallyUpheld: 1,
      notUpheld: 1,
      carriedForward: 2,
    });
    expect(ko41bArithmeticChecks(result)).toEqual([]);
  });

  it('breaks down new complaints only, each complaint once per area and group', () => {
    const result = computeKo41b(
      [
        complaint('2024-05-01', undefined, undefined, {
          subjectAreas: ['clinical', 'communication', 'clinical'],
          staffGroups: ['gp', 'admin_reception'],
          ageBand: 'age_85_plus',
          complainantStatus: 'relative_carer',
        }),
        complaint('2024-05-02', undefined, undefined, { subjectAreas: ['communication'] }),
        complaint('2023-05-02', undefined, undefined, { ageBand: 'age_0_15' }), // brought forward
      ],
      fy,
    );
    expect(result.new).toBe(2);
    expect(result.bySubjectArea).toMatchObject({ clinical: 1, communication: 2, prescribing: 0 });
    expect(result.byStaffGroup).toMatchObject({ gp: 2, admin_reception: 1, nurse: 0 });
    expect(result.byAge).toEqual({
      age_0_15: 0,
      age_16_64: 1,
      age_65_74: 0,
      age_75_84: 0,
      age_85_plus: 1,
      unknown: 0,
    });
    expect(result.byStatus).toEqual({
      patient: 1,
      relative_carer: 1,
      representative: 0,
      other: 0,
    });
  });

  it('leaves out complaints outside the regulations', () => {
    const result = computeKo41b(
      [complaint('2024-05-01', '2024-05-02', 'upheld', { withinRegulations: false })],
      fy,
    );
    expect([result.new, result.resolved, result.upheld, result.broughtForward]).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('gives an all-zero, consistent return for an empty log', () => {
    const result = computeKo41b([], fy);
    expect(ko41bCsvValues(result).every((n) => n === 0)).toBe(true);
    expect(ko41bArithmeticChecks(result)).toEqual([]);
  });
});

describe('ko41bArithmeticChecks', () => {
  const consistent = (): Ko41bResult =>
    computeKo41b(
      [complaint('2024-05-01', '2024-06-01', 'upheld'), complaint('2024-07-01')],
      '2024-25',
    );

  it('flags a resolved complaint without an outcome', () => {
    const result = computeKo41b([complaint('2024-05-01', '2024-06-01')], '2024-25');
    expect(ko41bArithmeticChecks(result).map((f) => f.check)).toEqual(['outcomes_sum']);
  });

  it('flags a new complaint without a subject area or staff group', () => {
    const result = computeKo41b(
      [complaint('2024-05-01', undefined, undefined, { subjectAreas: [], staffGroups: [] })],
      '2024-25',
    );
    expect(ko41bArithmeticChecks(result).map((f) => f.check)).toEqual([
      'subject_area_total',
      'staff_group_total',
    ]);
  });

  it('flags hand-edited figures that do not add up', () => {
    const edited = consistent();
    edited.byAge.age_65_74 += 1;
    edited.byStatus.other += 2;
    edited.carriedForward += 1;
    edited.notUpheld += 1;
    const failures = ko41bArithmeticChecks(edited);
    expect(failures.map((f) => f.check)).toEqual([
      'age_sum',
      'status_sum',
      'carried_forward',
      'outcomes_sum',
    ]);
    expect(failures[2]?.message).toMatch(/brought forward \+ new − resolved is 1/);
  });
});

describe('ko41bToCsv', () => {
  it('writes a header and one escaped line per organisation', () => {
    const result = computeKo41b([complaint('2024-05-01', '2024-06-01', 'upheld')], '2024-25');
    const csv = ko41bToCsv([{ label: 'Smith, Jones & "Partners"', result }]);
    const [header, line, end] = csv.split('\r\n');
    expect(end).toBe('');
    expect(header).toMatch(/^Organisation,Financial year,Brought forward,New,Upheld,/);
    expect(header).toContain('"Subject area: Access to services and appointments (availability');
    expect(line).toBe(
      ['"Smith, Jones & ""Partners"""', '2024-25', ...ko41bCsvValues(result)].join(','),
    );
    expect(ko41bCsvValues(result)).toHaveLength(ko41bCsvHeader().length - 2);
    expect(ko41bCsvValues(result).slice(0, 7)).toEqual([0, 1, 1, 0, 0, 1, 0]);
  });
});
