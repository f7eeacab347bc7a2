import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { type Actor, codeOf, BOOT_TIMEOUT_MS } from './feedback-fixtures';

const RECORD = `mutation ($input: RecordFftResponseInput!) { recordFftResponse(input: $input) { id rating respondedOn comment } }`;
const COUNTS = `query ($from: String!, $to: String!) { fftMonthlyCounts(from: $from, to: $to) { month veryGood good neither poor veryPoor dontKnow total } }`;

describe('Friends and Family Test', () => {
  let t: TestApp;
  let staff: Actor;
  let trumpington: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    staff = {
      token: await t.tokenFor(DEMO.wilmslowStaff),
      practiceId: await t.practiceId('wilmslow-health-centre'),
    };
    trumpington = {
      token: await t.tokenFor(DEMO.trumpingtonStaff),
      practiceId: await t.practiceId('trumpington-street'),
    };
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  it('records answers with an optional comment and counts them by month, empty months included', async () => {
    const answers: [string, string, string | null][] = [
      ['very_good', '2025-01-03', 'Quick and kind.'],
      ['very_good', '2025-01-31', null],
      ['poor', '2025-01-15', '  '],
      ['dont_know', '2025-03-01', null],
      ['neither', '2025-03-31', null],
      ['good', '2025-04-01', null],
    ];
    for (const [rating, respondedOn, comment] of answers) {
      const data = await t.gqlOk<{ recordFftResponse: { rating: string; comment: string | null } }>(
        RECORD,
        { input: { rating, respondedOn, comment } },
        staff,
      );
      expect(data.recordFftResponse).toMatchObject({ rating, comment: comment?.trim() || null });
    }
    // Another practice's answers never count here.
    await t.gqlOk(
      RECORD,
      { input: { rating: 'very_poor', respondedOn: '2025-01-10' } },
      trumpington,
    );

    const counts = await t.gqlOk<{ fftMonthlyCounts: unknown[] }>(
      COUNTS,
      { from: '2024-12', to: '2025-03' },
      staff,
    );
    expect(counts.fftMonthlyCounts).toEqual([
      {
        month: '2024-12',
        veryGood: 0,
        good: 0,
        neither: 0,
        poor: 0,
        veryPoor: 0,
        dontKnow: 0,
        total: 0,
      },
      {
        month: '2025-01',
        veryGood: 2,
        good: 0,
        neither: 0,
        poor: 1,
        veryPoor: 0,
        dontKnow: 0,
        total: 3,
      },
      {
        month: '2025-02',
        veryGood: 0,
        good: 0,
        neither: 0,
        poor: 0,
        veryPoor: 0,
        dontKnow: 0,
        total: 0,
      },
      {
        month: '2025-03',
        veryGood: 0,
        good: 0,
        neither: 1,
        poor: 0,
        veryPoor: 0,
        dontKnow: 1,
        total: 2,
      },
    ]);
    const month = await t.gqlOk<{ fftResponses: { rating: string; comment: string | null }[] }>(
      `{ fftResponses(month: "2025-01") { rating comment respondedOn } }`,
      {},
      staff,
    );
    expect(month.fftResponses.map((r) => r.comment)).toEqual([null, null, 'Quick and kind.']);
  });

  it('refuses bad input naming the field', async () => {
    const future = await t.gql(
      RECORD,
      { input: { rating: 'good', respondedOn: '2099-01-01' } },
      staff,
    );
    expect(future.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'respondedOn',
    });
    const notADate = await t.gql(
      RECORD,
      { input: { rating: 'good', respondedOn: '01/02/2025' } },
      staff,
    );
    expect(notADate.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'respondedOn',
    });
    const reversed = await t.gql(COUNTS, { from: '2025-03', to: '2025-01' }, staff);
    expect(reversed.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
    const tooLong = await t.gql(COUNTS, { from: '2020-01', to: '2025-01' }, staff);
    expect(tooLong.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
    const badMonth = await t.gql(COUNTS, { from: '2025-13', to: '2025-12' }, staff);
    expect(badMonth.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('the auditor is refused (insights come from aggregates, not the practice tables)', async () => {
    const auditor = await t.tokenFor(DEMO.cheshireAuditor);
    expect(
      codeOf(await t.gql(COUNTS, { from: '2025-01', to: '2025-02' }, { token: auditor })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(
          RECORD,
          { input: { rating: 'good', respondedOn: '2025-01-01' } },
          { token: auditor },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
