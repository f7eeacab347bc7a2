import { declaredOperations } from '../support/declared-operations';
import { startTestApp, type TestApp } from '../support/test-app';

/** Deny by default, and say so in a test: every operation states who may call it. */
describe('access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('finds the operations (the scan itself works)', () => {
    const names = declaredOperations(t.app).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Mutation.login', 'Query.me', 'GET /health']));
  });

  it('every GraphQL operation and HTTP route declares a permission or @Public()', () => {
    const undeclared = declaredOperations(t.app)
      .filter((o) => !o.access)
      .map((o) => o.name);
    expect(undeclared).toEqual([]);
  });

  it('public operations are exactly the ones meant to be public', () => {
    const publicOps = declaredOperations(t.app)
      .filter((o) => o.access?.kind === 'public')
      .map((o) => o.name);
    const allowed = [
      /^Mutation\.(login|refresh|logout|acceptInvitation|submitPublicFeedback)$/,
      /^Query\.(invitation|publicPolicy)$/,
      /^GET \/health$/,
      /^(GET|POST|OPTIONS) \/(public|p)\//,
      /^GET \/embed/,
    ];
    expect(publicOps.filter((name) => !allowed.some((re) => re.test(name)))).toEqual([]);
  });
});
