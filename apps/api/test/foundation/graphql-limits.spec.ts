import { startTestApp, type TestApp } from '../support/test-app';

describe('GraphQL limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('refuses a query deeper than the limit before running it', async () => {
    // The schema has no recursive types yet, so nest beyond the limit; the depth rule still reports.
    const tooDeep = `{ me { ${'x { '.repeat(12)}id${' }'.repeat(12)} } }`;
    const result = await t.gql(tooDeep);
    expect(result.errors?.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(
      true,
    );
    expect(result.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/exceeds maximum operation depth of 10/),
    );
    expect(result.data).toBeUndefined();
  });

  it('refuses an overly complex query', async () => {
    const fields = Array.from({ length: 1100 }, (_, i) => `f${i}: __typename`).join(' ');
    const result = await t.gql(`{ ${fields} }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/too complex/);
  });
});
