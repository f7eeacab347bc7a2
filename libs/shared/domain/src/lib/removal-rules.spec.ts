import { IsoDate } from './iso-date';
import {
  checkRemovalRequest,
  earliestValidWarningDate,
  reasonsRequired,
  RemovalRequestInput,
} from './removal-rules';

const ordinary = (
  requestedOn: IsoDate,
  warnings: RemovalRequestInput['warnings'],
  extra: Partial<RemovalRequestInput> = {},
) => checkRemovalRequest({ requestedOn, immediate: false, warnings, ...extra });

const warned = (givenOn: IsoDate, reasons: string | string[] = 'Abusive posts naming staff') => ({
  givenOn,
  reasons,
});

describe('ordinary removal', () => {
  it('takes effect on the 8th day after the request when warned with reasons', () => {
    const warning = warned('2024-05-01');
    expect(ordinary('2024-06-10', [warning])).toEqual({
      ok: true,
      effectiveOn: '2024-06-18',
      warningRelied: warning,
    });
    // Calendar days, across a month end.
    expect(ordinary('2024-06-28', [warning])).toMatchObject({
      ok: true,
      effectiveOn: '2024-07-06',
    });
  });

  it('accepts a warning given exactly 12 months before, not a day earlier', () => {
    expect(earliestValidWarningDate('2025-06-10')).toBe('2024-06-10');
    expect(ordinary('2025-06-10', [warned('2024-06-10')]).ok).toBe(true);
    expect(ordinary('2025-06-10', [warned('2024-06-09')])).toMatchObject({
      ok: false,
      code: 'warning_too_old',
    });
  });

  it('clamps the 12-month boundary at month ends and leap days', () => {
    expect(earliestValidWarningDate('2024-02-29')).toBe('2023-02-28');
    expect(ordinary('2024-02-29', [warned('2023-02-28')]).ok).toBe(true);
    expect(ordinary('2024-02-29', [warned('2023-02-27')]).ok).toBe(false);
    expect(earliestValidWarningDate('2025-02-28')).toBe('2024-02-28');
    expect(ordinary('2025-02-28', [warned('2024-02-27')]).ok).toBe(false);
  });

  it('accepts a warning given on the day of the request, not one after it', () => {
    expect(ordinary('2024-06-10', [warned('2024-06-10')]).ok).toBe(true);
    expect(ordinary('2024-06-10', [warned('2024-06-11')])).toMatchObject({
      ok: false,
      code: 'no_warning',
    });
  });

  it('refuses without any warning, explaining the rule', () => {
    const result = ordinary('2024-06-10', []);
    expect(result).toMatchObject({ ok: false, code: 'no_warning' });
    expect(!result.ok && result.reason).toMatch(/12 months/);
  });

  it('refuses when the only recent warning gave no reasons', () => {
    expect(ordinary('2024-06-10', [warned('2024-05-01', '   ')])).toMatchObject({
      ok: false,
      code: 'warning_without_reasons',
    });
    expect(ordinary('2024-06-10', [warned('2024-05-01', ['', ' '])])).toMatchObject({
      ok: false,
      code: 'warning_without_reasons',
    });
  });

  it('relies on any recent warning with reasons among several', () => {
    const good = warned('2024-04-01', ['Threatening message', 'Abuse of reception staff']);
    const result = ordinary('2024-06-10', [warned('2022-01-01'), warned('2024-05-01', ''), good]);
    expect(result).toMatchObject({ ok: true, warningRelied: good });
  });

  it('goes ahead without a warning when recorded as unsafe or impracticable', () => {
    expect(
      ordinary('2024-06-10', [], { noWarningBecause: 'Patient has no fixed address' }),
    ).toEqual({ ok: true, effectiveOn: '2024-06-18' });
    expect(ordinary('2024-06-10', [], { noWarningBecause: '  ' }).ok).toBe(false);
  });
});

describe('immediate removal', () => {
  it('needs a police incident reference', () => {
    for (const policeIncidentReference of [undefined, '', '   ']) {
      expect(
        checkRemovalRequest({
          requestedOn: '2024-06-10',
          immediate: true,
          policeIncidentReference,
          warnings: [],
        }),
      ).toMatchObject({ ok: false, code: 'police_reference_required' });
    }
  });

  it('is effective at once, confirmed in writing within 7 days, with no warning needed', () => {
    expect(
      checkRemovalRequest({
        requestedOn: '2024-06-28',
        immediate: true,
        policeIncidentReference: 'CC-20240628-0113',
        warnings: [],
      }),
    ).toEqual({ ok: true, effectiveOn: '2024-06-28', writtenConfirmationDueOn: '2024-07-05' });
  });
});

describe('reasonsRequired', () => {
  it('refuses blank reasons and accepts any real one', () => {
    expect(reasonsRequired('')).toMatchObject({ ok: false, code: 'reasons_required' });
    expect(reasonsRequired(' \n\t')).toMatchObject({ ok: false, code: 'reasons_required' });
    expect(reasonsRequired([])).toMatchObject({ ok: false, code: 'reasons_required' });
    expect(reasonsRequired(['', '  '])).toMatchObject({ ok: false });
    expect(reasonsRequired('Abusive posts')).toEqual({ ok: true });
    expect(reasonsRequired(['', 'Abusive posts'])).toEqual({ ok: true });
  });
});
