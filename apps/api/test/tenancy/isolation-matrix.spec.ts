import { isPracticePermission } from '@parley/shared/domain';
import { declaredOperations } from '../support/declared-operations';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { ISOLATION_MATRIX, type IsolationFixtures } from './isolation-matrix';

/**
 * For every operation on practice data: a person of Wilmslow using Trumpington's ids gets a
 * not-found (no hint that the row exists) and nothing changes; naming Trumpington as the active
 * practice is refused; lists of Wilmslow show nothing of Trumpington.
 */
describe('isolation matrix', () => {
  let t: TestApp;
  let f: IsolationFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = {
      t,
      wilmslowId: await t.practiceId('wilmslow-health-centre'),
      trumpingtonId: await t.practiceId('trumpington-street'),
      attackerToken: await t.tokenFor(DEMO.wilmslowManager),
      victimToken: await t.tokenFor(DEMO.trumpingtonManager),
      victim: new Map(),
    };
  });
  afterAll(() => t.close());

  it('covers every operation that needs a practice permission', () => {
    const practiceOps = declaredOperations(t.app)
      .filter((o) => o.access?.kind === 'permission' && isPracticePermission(o.access.permission))
      .map((o) => o.name)
      .filter((name) => name.startsWith('Query.') || name.startsWith('Mutation.'));
    expect(practiceOps.length).toBeGreaterThan(0);
    expect(practiceOps.filter((name) => !(name in ISOLATION_MATRIX))).toEqual([]);
  });

  const entries = Object.entries(ISOLATION_MATRIX);

  it.each(entries)('%s refuses another practice named as the active practice', async (_, entry) => {
    const variables = entry.kind === 'by-id' ? await entry.setup(f) : (entry.variables ?? {});
    const result = await t.gql(entry.query, variables, {
      token: f.attackerToken,
      practiceId: f.trumpingtonId,
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
  });

  it.each(entries.filter(([, e]) => e.kind === 'by-id'))(
    "%s answers NOT_FOUND for the other practice's ids and changes nothing",
    async (_, entry) => {
      if (entry.kind !== 'by-id') return;
      const variables = await entry.setup(f);
      const result = await t.gql(entry.query, variables, {
        token: f.attackerToken,
        practiceId: f.wilmslowId,
      });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      await entry.unchanged(f, variables);
    },
  );

  it.each(entries.filter(([, e]) => e.kind === 'active-practice'))(
    '%s shows nothing of the other practice',
    async (_, entry) => {
      if (entry.kind !== 'active-practice') return;
      const result = await t.gql(
        entry.query,
        entry.kind === 'active-practice' ? (entry.variables ?? {}) : {},
        {
          token: f.attackerToken,
          practiceId: f.wilmslowId,
        },
      );
      const text = JSON.stringify(result);
      expect(text).not.toContain(f.trumpingtonId);
      expect(text).not.toMatch(/trumpington/i);
    },
  );
});
