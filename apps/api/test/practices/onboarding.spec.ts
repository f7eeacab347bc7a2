import { DEMO, startTestApp, type TestApp } from '../support/test-app';

const CREATE_ICB =
  'mutation ($input: CreateIcbInput!) { createIcb(input: $input) { id name slug practiceCount } }';
const CREATE_PRACTICE =
  'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id name slug listSize odsCode icb { slug } } }';
const INVITE_MANAGER =
  'mutation ($practiceId: ID!, $email: String!, $name: String!) { invitePracticeManager(practiceId: $practiceId, email: $email, name: $name) { emailed acceptUrl invitation { id role email } } }';
const PREVIEW = 'query ($token: String!) { invitation(token: $token) { email role placeName } }';
const ACCEPT =
  'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { email memberships { role practice { slug } } } } }';
const INVITE =
  'mutation ($input: InviteInput!) { invite(input: $input) { acceptUrl invitation { id role } } }';

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitations/')[1];

describe('onboarding and people', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor(DEMO.admin);
  });
  afterAll(() => t.close());

  it('a platform admin creates an ICB and a practice, invites its first manager, who accepts and signs in', async () => {
    const { createIcb } = await t.gqlOk<{ createIcb: { id: string; practiceCount: number } }>(
      CREATE_ICB,
      { input: { name: 'NHS Test and Trial ICB', slug: 'test-and-trial' } },
      { token: admin },
    );
    expect(createIcb.practiceCount).toBe(0);
    const { createPractice } = await t.gqlOk<{
      createPractice: { id: string; icb: { slug: string } };
    }>(
      CREATE_PRACTICE,
      {
        input: {
          name: 'Orchard Surgery (test)',
          slug: 'orchard-surgery',
          icbId: createIcb.id,
          listSize: 5000,
          odsCode: 'Z12345',
        },
      },
      { token: admin },
    );
    expect(createPractice.icb.slug).toBe('test-and-trial');
    const all = await t.gqlOk<{ practices: { slug: string }[] }>(
      '{ practices { slug } }',
      {},
      { token: admin },
    );
    expect(all.practices.map((p) => p.slug)).toEqual(
      expect.arrayContaining(['orchard-surgery', 'wilmslow-health-centre']),
    );
    const filtered = await t.gqlOk<{ practices: { slug: string }[] }>(
      'query ($icbId: ID) { practices(icbId: $icbId) { slug } }',
      { icbId: createIcb.id },
      { token: admin },
    );
    expect(filtered.practices.map((p) => p.slug)).toEqual(['orchard-surgery']);

    const { invitePracticeManager } = await t.gqlOk<{
      invitePracticeManager: { emailed: boolean; acceptUrl: string };
    }>(
      INVITE_MANAGER,
      { practiceId: createPractice.id, email: 'New.Manager@Example.com', name: 'New Manager' },
      { token: admin },
    );
    // Without SMTP_URL the link is handed to the inviter to pass on.
    expect(invitePracticeManager.emailed).toBe(false);
    expect(invitePracticeManager.acceptUrl).toMatch(/\/invitations\/[A-Za-z0-9_-]{40,}$/);
    const token = tokenOf(invitePracticeManager.acceptUrl);

    expect((await t.gqlOk<{ invitation: unknown }>(PREVIEW, { token })).invitation).toEqual({
      email: 'new.manager@example.com',
      role: 'PracticeManager',
      placeName: 'Orchard Surgery (test)',
    });

    const short = await t.gql(ACCEPT, { input: { token, password: 'too-short' } });
    expect(short.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });

    const accepted = await t.gqlOk<{ acceptInvitation: { user: unknown } }>(ACCEPT, {
      input: { token, password: 'a-long-enough-password', name: 'Nia Manager' },
    });
    expect(accepted.acceptInvitation.user).toEqual({
      email: 'new.manager@example.com',
      memberships: [{ role: 'PracticeManager', practice: { slug: 'orchard-surgery' } }],
    });

    // Single use.
    expect((await t.gqlOk<{ invitation: unknown }>(PREVIEW, { token })).invitation).toBeNull();
    const again = await t.gql(ACCEPT, { input: { token, password: 'a-long-enough-password' } });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const login = await t.gql(
      'mutation { login(email: "new.manager@example.com", password: "a-long-enough-password") { accessToken } }',
    );
    expect(login.errors).toBeUndefined();
  });

  it('refuses duplicate slugs and bad input naming the field, storing nothing', async () => {
    const duplicate = await t.gql(
      CREATE_ICB,
      { input: { name: 'Another', slug: 'cheshire-merseyside' } },
      { token: admin },
    );
    expect(duplicate.errors?.[0].extensions).toEqual({ code: 'CONFLICT', field: 'slug' });
    const badSlug = await t.gql(
      CREATE_ICB,
      { input: { name: 'Another ICB', slug: 'Bad Slug' } },
      { token: admin },
    );
    expect(badSlug.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
    const { icbs } = await t.gqlOk<{ icbs: { slug: string }[] }>(
      '{ icbs { slug } }',
      {},
      { token: admin },
    );
    expect(icbs.filter((i) => i.slug === 'cheshire-merseyside')).toHaveLength(1);

    const icbId = (
      await t.gqlOk<{ icbs: { id: string; slug: string }[] }>(
        '{ icbs { id slug } }',
        {},
        { token: admin },
      )
    ).icbs[0].id;
    const badSize = await t.gql(
      CREATE_PRACTICE,
      { input: { name: 'Zero Practice', slug: 'zero', icbId, listSize: 0 } },
      { token: admin },
    );
    expect(badSize.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'listSize' });
  });

  it('a manager invites staff, the staff member joins, and the manager removes them again', async () => {
    const manager = await t.tokenFor(DEMO.wilmslowManager);
    const { invite } = await t.gqlOk<{ invite: { acceptUrl: string } }>(
      INVITE,
      {
        input: {
          email: 'new.receptionist@example.com',
          name: 'Rae Reception',
          role: 'PracticeStaff',
        },
      },
      { token: manager },
    );
    const accepted = await t.gqlOk<{ acceptInvitation: { user: { memberships: unknown[] } } }>(
      ACCEPT,
      {
        input: { token: tokenOf(invite.acceptUrl), password: 'receptionist-password' },
      },
    );
    expect(accepted.acceptInvitation.user.memberships).toEqual([
      { role: 'PracticeStaff', practice: { slug: 'wilmslow-health-centre' } },
    ]);

    const people = async () =>
      (
        await t.gqlOk<{ people: { email: string; userId: string }[] }>(
          '{ people { email userId } }',
          {},
          { token: manager },
        )
      ).people;
    const joined = (await people()).find((p) => p.email === 'new.receptionist@example.com');
    expect(joined).toBeDefined();

    await t.gqlOk(
      'mutation ($id: ID!) { removePerson(userId: $id) }',
      { id: joined!.userId },
      { token: manager },
    );
    expect((await people()).map((p) => p.email)).not.toContain('new.receptionist@example.com');

    // Removal takes effect at once: their still-valid access token no longer reaches the practice.
    const login = await t.gqlOk<{ login: { accessToken: string } }>(
      'mutation { login(email: "new.receptionist@example.com", password: "receptionist-password") { accessToken } }',
    );
    const after = await t.gql('{ people { email } }', {}, { token: login.login.accessToken });
    expect(after.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps at least one manager', async () => {
    const manager = await t.tokenFor(DEMO.trumpingtonManager);
    const self = await t.userId(DEMO.trumpingtonManager);
    const result = await t.gql(
      'mutation ($id: ID!) { removePerson(userId: $id) }',
      { id: self },
      { token: manager },
    );
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('records onboarding in the audit trail', async () => {
    const platform = await t.db.dataSource.query(`SELECT action FROM platform_audit_events`);
    expect(platform.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['icb.created', 'practice.created']),
    );
    // Invitations to a practice belong to that practice's trail.
    const practice = await t.db.dataSource.query(
      `SELECT a.action FROM audit_events a JOIN practices p ON p.id = a.practice_id WHERE p.slug = 'orchard-surgery'`,
    );
    expect(practice.map((r: { action: string }) => r.action)).toContain('invitation.created');
  });
});
