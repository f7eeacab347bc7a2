import { trendsFixture } from '../../testing/fixtures';
import {
  describeValues,
  practiceRateChart,
  rowTotalsChart,
  seriesChart,
  shortLabel,
} from './charts';

describe('chart models', () => {
  const trends = trendsFixture();

  it('a series is one line over the periods, with a gap where the API hid the figure', () => {
    const { config, summary } = seriesChart(trends, 'rate');
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['Q1 2025-26 (Apr–Jun 2025)', 'Q2 2025-26 (Jul–Sep 2025)']);
    expect(config.data.datasets[0]?.data).toEqual([2.15, null]);
    expect(summary).toBe(
      'Line chart: complaints per 1,000 registered patients per year, by quarter. Highest 2.15 (Q1 2025-26 (Apr–Jun 2025)). Not shown for 1 of 2 quarters.',
    );
  });

  it('the acknowledgement series is a percentage up to 100', () => {
    const { config, summary } = seriesChart(trends, 'acknowledged');
    expect(config.data.datasets[0]?.data).toEqual([75, null]);
    expect(config.options?.scales?.['y']).toMatchObject({ max: 100, beginAtZero: true });
    expect(summary).toContain('Highest 75%');
  });

  it('practices as bars of their rate, hidden ones left out', () => {
    const { config, summary } = practiceRateChart(trends);
    expect(config.data.labels).toEqual([
      'Wilmslow Health Centre',
      'Riverside Surgery (demo) (not shown)',
    ]);
    expect(config.data.datasets[0]?.data).toEqual([2.54, null]);
    expect(summary).toContain('Not shown for 1 of 2 practices.');
  });

  it('row totals of a table, never worked out from hidden cells', () => {
    const { config } = rowTotalsChart(trends.complaintsByTheme, 'Complaints');
    // "Communication" has a hidden cell, so its total is hidden too: no bar, and the label says so.
    expect(config.data.datasets[0]?.data).toEqual([15, null]);
    expect(config.data.labels).toEqual(['Clinical treatment', 'Communication (not shown)']);
    expect(config.options?.scales?.['x']).toMatchObject({ ticks: { precision: 0 } });
  });

  it('describes the highest and lowest shown values, and how many are hidden', () => {
    expect(describeValues(['a', 'b', 'c'], [1, 3, 2], '%', ['month', 'months'])).toBe(
      'Highest 3% (b). Lowest 1% (a).',
    );
    expect(describeValues(['a', 'b'], [null, null], '', ['month', 'months'])).toBe(
      'No figure is shown for any month.',
    );
  });

  it('short axis labels', () => {
    expect(
      shortLabel('Access to services and appointments (availability, delays, cancellations)'),
    ).toBe('Access to services and appointments');
    expect(shortLabel('A'.repeat(50))).toBe(`${'A'.repeat(39)}…`);
    expect(shortLabel('Riverside Surgery (demo)', { dropBrackets: false })).toBe(
      'Riverside Surgery (demo)',
    );
  });
});
