import { JwtService } from '@nestjs/jwt';
import { DEMO, DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken expiresIn user { email memberships { role practice { slug } icb { slug } } } }
}`;
const REFRESH = `mutation ($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }`;
const LOGOUT = `mutation ($t: String!) { logout(refreshToken: $t) }`;
const ME = `{ me { email name memberships { role practice { slug } } } }`;

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user?: unknown;
}

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password = DEMO_PASSWORD) =>
    t.gql<{ login: Tokens }>(LOGIN, { email, password });

  it('signs in a demo manager and returns their memberships', async () => {
    const result = await login(DEMO.wilmslowManager);
    expect(result.errors).toBeUndefined();
    expect(result.data?.login.user).toEqual({
      email: DEMO.wilmslowManager,
      memberships: [
        { role: 'PracticeManager', practice: { slug: 'wilmslow-health-centre' }, icb: null },
      ],
    });
    const me = await t.gqlOk<{ me: { email: string } }>(
      ME,
      {},
      { token: result.data?.login.accessToken },
    );
    expect(me.me.email).toBe(DEMO.wilmslowManager);
  });

  it('gives the same error for an unknown email and a wrong password', async () => {
    const unknown = await login('nobody@example.com', 'whatever-password');
    const wrong = await login(DEMO.wilmslowStaff, 'not-the-password');
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'The email or password is not correct.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('refuses malformed input naming the field', async () => {
    const result = await login('not-an-email', 'x');
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await login(DEMO.trumpingtonStaff, 'wrong-password-' + i);
    const locked = await login(DEMO.trumpingtonStaff);
    expect(locked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('rotates refresh tokens and treats a reused one as theft (the family is revoked)', async () => {
    const first = (await login(DEMO.cheshireAuditor)).data!.login;
    const second = (await t.gqlOk<{ refresh: Tokens }>(REFRESH, { t: first.refreshToken })).refresh;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reuse = await t.gql(REFRESH, { t: first.refreshToken });
    expect(reuse.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The reuse revoked the whole sign-in, including the newest token.
    const after = await t.gql(REFRESH, { t: second.refreshToken });
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the refresh token', async () => {
    const tokens = (await login(DEMO.cambridgeAuditor)).data!.login;
    expect((await t.gqlOk<{ logout: boolean }>(LOGOUT, { t: tokens.refreshToken })).logout).toBe(
      true,
    );
    const result = await t.gql(REFRESH, { t: tokens.refreshToken });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['malformed', 'not-a-jwt'],
    [
      'signed with another secret',
      new JwtService({ secret: 'another-secret-another-secret-1234567' }).sign({
        sub: '00000000-0000-0000-0000-000000000000',
      }),
    ],
  ])('refuses a %s access token', async (_, token) => {
    const result = await t.gql(ME, {}, { token });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses an expired access token', async () => {
    const jwt = new JwtService({ secret: t.config.jwtSecret });
    const userId = await t.userId(DEMO.wilmslowManager);
    const token = jwt.sign({ sub: userId, exp: Math.floor(Date.now() / 1000) - 10 });
    const result = await t.gql(ME, {}, { token });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous calls to signed-in operations', async () => {
    const result = await t.gql(ME);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
