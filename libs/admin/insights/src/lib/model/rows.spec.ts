import { MARK, trendsFixture } from '../../testing/fixtures';
import { flaggedCount, periodRows, practiceRows } from './rows';

describe('table rows', () => {
  const trends = trendsFixture();

  it('one row per period, in order, hidden figures marked', () => {
    expect(periodRows(trends)).toEqual([
      {
        key: '2025-26 Q1',
        label: 'Q1 2025-26 (Apr–Jun 2025)',
        complaints: { text: '12', hidden: false },
        rate: { text: '2.15', hidden: false },
        acknowledged: { text: '75%', hidden: false },
      },
      {
        key: '2025-26 Q2',
        label: 'Q2 2025-26 (Jul–Sep 2025)',
        complaints: { text: MARK, hidden: true },
        rate: { text: MARK, hidden: true },
        acknowledged: { text: MARK, hidden: true },
      },
    ]);
  });

  it('each practice with its flags, or why it could not be judged', () => {
    const [wilmslow, riverside] = practiceRows(trends);
    expect(wilmslow).toMatchObject({
      name: 'Wilmslow Health Centre',
      patients: '14,200',
      complaints: { text: '18', hidden: false },
      acknowledged: { text: '50%', hidden: false },
      flags: ['50% acknowledged within 3 working days: below the ICB’s minimum of 90%'],
      notAssessed: [],
    });
    expect(riverside).toMatchObject({
      complaints: { text: MARK, hidden: true },
      notWithin: { text: '0', hidden: false },
      rate: { text: MARK, hidden: true },
      flags: [],
    });
    expect(riverside?.notAssessed).toHaveLength(2);
    expect(flaggedCount(trends)).toBe(1);
  });
});
