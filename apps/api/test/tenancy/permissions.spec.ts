import { DEMO, startTestApp, type TestApp } from '../support/test-app';

/** Roles are enforced by the API, not only hidden in the console. */
describe('permissions', () => {
  let t: TestApp;
  let wilmslow: string;
  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
  });
  afterAll(() => t.close());

  const INVITE =
    'mutation { invite(input: { email: "new@example.com", name: "New", role: PracticeStaff }) { emailed } }';
  const CREATE_ICB =
    'mutation { createIcb(input: { name: "NHS Test ICB", slug: "test-icb" }) { id } }';

  it('staff calling a manager-only mutation is refused', async () => {
    const result = await t.gql(
      INVITE,
      {},
      { token: await t.tokenFor(DEMO.wilmslowStaff), practiceId: wilmslow },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'You do not have permission to do this.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('staff can read the people of their practice', async () => {
    const data = await t.gqlOk<{ people: { email: string }[] }>(
      '{ people { email } }',
      {},
      { token: await t.tokenFor(DEMO.wilmslowStaff) },
    );
    expect(data.people.map((p) => p.email).sort()).toEqual([
      DEMO.wilmslowManager,
      DEMO.wilmslowStaff,
    ]);
  });

  it('an auditor calling a practice mutation is refused', async () => {
    const result = await t.gql(INVITE, {}, { token: await t.tokenFor(DEMO.cheshireAuditor) });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an auditor naming a practice of their ICB is still refused practice data', async () => {
    const result = await t.gql(
      '{ people { email } }',
      {},
      { token: await t.tokenFor(DEMO.cheshireAuditor), practiceId: wilmslow },
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('only platform admins onboard ICBs', async () => {
    const refused = await t.gql(CREATE_ICB, {}, { token: await t.tokenFor(DEMO.wilmslowManager) });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await t.gql(CREATE_ICB, {}, { token: await t.tokenFor(DEMO.admin) });
    expect(created.errors).toBeUndefined();
  });
});
