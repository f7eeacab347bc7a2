import type { IsoDate } from '@parley/shared/domain';
import { InsightsPeriod } from '../generated/graphql';
import {
  chosenIcb,
  DEFAULT_RANGE,
  financialYearFrom,
  rangeOptions,
  recentFinancialYears,
  trendFiltersFrom,
} from './filters';

const TODAY = '2026-11-22' as IsoDate;

describe('trend filters', () => {
  it('offers the current financial year first, then the four before it', () => {
    expect(recentFinancialYears(TODAY)).toEqual([
      '2026-27',
      '2025-26',
      '2024-25',
      '2023-24',
      '2022-23',
    ]);
    // 31 March still belongs to the year that began the April before.
    expect(recentFinancialYears('2026-03-31' as IsoDate, 2)).toEqual(['2025-26', '2024-25']);
  });

  it('ranges end today at the latest, so future months never read as zeros', () => {
    const ranges = rangeOptions(TODAY);
    expect(ranges.map((r) => [r.key, r.from, r.to])).toEqual([
      [DEFAULT_RANGE, '2025-12-01', TODAY],
      ['last-3-financial-years', '2024-04-01', TODAY],
      ['2026-27', '2026-04-01', TODAY],
      ['2025-26', '2025-04-01', '2026-03-31'],
      ['2024-25', '2024-04-01', '2025-03-31'],
      ['2023-24', '2023-04-01', '2024-03-31'],
      ['2022-23', '2022-04-01', '2023-03-31'],
    ]);
    expect(ranges[2]?.label).toBe('2026-27 (to date)');
  });

  it('the last 12 months cross a year boundary', () => {
    expect(rangeOptions('2026-01-05' as IsoDate)[0]).toMatchObject({ from: '2025-02-01' });
  });

  it('reads the period and range from the address, falling back to months over the last 12 months', () => {
    expect(trendFiltersFrom({ period: 'QUARTER', range: '2025-26' }, TODAY)).toMatchObject({
      period: InsightsPeriod.Quarter,
      range: { key: '2025-26', from: '2025-04-01', to: '2026-03-31' },
    });
    expect(trendFiltersFrom({ period: 'WEEK', range: '1999-00' }, TODAY)).toMatchObject({
      period: InsightsPeriod.Month,
      range: { key: DEFAULT_RANGE },
    });
  });

  it('a KO41(b) year must be one on offer', () => {
    expect(financialYearFrom({ year: '2024-25' }, TODAY)).toBe('2024-25');
    expect(financialYearFrom({ year: '2024-26' }, TODAY)).toBe('2026-27');
    expect(financialYearFrom({ year: '2001-02' }, TODAY)).toBe('2026-27');
    expect(financialYearFrom({}, TODAY)).toBe('2026-27');
  });

  it('chooses the ICB in the address only if the person reviews it', () => {
    const icbs = [{ id: 'a' }, { id: 'b' }];
    expect(chosenIcb(icbs, { icb: 'b' })).toEqual({ id: 'b' });
    expect(chosenIcb(icbs, { icb: 'someone-else' })).toEqual({ id: 'a' });
    expect(chosenIcb([], { icb: 'a' })).toBeNull();
  });
});
