import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { BOOT_TIMEOUT, Q, simpleDocument } from './policy-api';

/** The in-memory fast path for public reads answers like the full stack and never goes stale. */
describe('fast public reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const publicPolicy = async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: Q.publicPolicy,
        variables: { slug: 'demo-riverside-surgery' },
      }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as {
        data: { publicPolicy: { version: number; text: string } };
      },
    };
  };

  it('answers repeated anonymous publicPolicy queries identically, and a publish shows at once', async () => {
    const first = await publicPolicy();
    const second = await publicPolicy();
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');

    const before = first.body.data.publicPolicy.version;
    // Publish a new version at Riverside as its (invited) manager: use the platform admin to invite one.
    const riverside = await t.practiceId('demo-riverside-surgery');
    const invite = await t.gqlOk<{ invitePracticeManager: { acceptUrl: string } }>(
      'mutation ($p: ID!) { invitePracticeManager(practiceId: $p, email: "fast.path@example.com", name: "Fast Path") { acceptUrl } }',
      { p: riverside },
      { token: await t.tokenFor(DEMO.admin) },
    );
    const accepted = await t.gqlOk<{ acceptInvitation: { accessToken: string } }>(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }',
      {
        input: {
          token: invite.invitePracticeManager.acceptUrl.split('/invitations/')[1],
          password: 'fast-path-password',
        },
      },
    );
    const manager = { token: accepted.acceptInvitation.accessToken, practiceId: riverside };
    const draft = await t.gqlOk<{ saveDraft: { id: string } }>(
      Q.saveDraft,
      {
        input: {
          document: simpleDocument('Riverside policy, second edition'),
          effectiveDate: '2026-01-01',
        },
      },
      manager,
    );
    await t.gqlOk(Q.publishDraft, { expectedDraftId: draft.saveDraft.id }, manager);

    const after = await publicPolicy();
    expect(after.body.data.publicPolicy.version).toBe(before + 1);
    expect(after.body.data.publicPolicy.text).toContain('Riverside policy, second edition');
    expect(first.body.data.publicPolicy.text).not.toContain('Riverside policy, second edition');
  });

  it('serves the policy JSON with its ETag and 304, and leaves unknown practices to the full stack', async () => {
    const url = `${t.url}/public/practices/wilmslow-health-centre/policy`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') as string;
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const again = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const unknown = await fetch(`${t.url}/public/practices/no-such-practice/policy`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('NOT_FOUND');
  });

  it('answers HEAD with the headers only, and survives an oversized anonymous GraphQL body', async () => {
    const url = `${t.url}/public/practices/wilmslow-health-centre/policy`;
    const get = await fetch(url);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
    expect(await head.text()).toBe('');

    const huge = JSON.stringify({
      query: `{ publicPolicy(practiceSlug: "${'a'.repeat(200_000)}") { title } }`,
    });
    const tooLarge = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(tooLarge.status).toBe(413);
    // The process is still serving.
    expect((await fetch(url)).status).toBe(200);
  });

  it('does not cache signed-in or non-public GraphQL requests', async () => {
    const anonymousMe = await t.gql('{ me { email } }');
    expect(anonymousMe.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = await t.gql(
      '{ me { email } }',
      {},
      { token: await t.tokenFor(DEMO.wilmslowStaff) },
    );
    expect(signedIn.data).toEqual({ me: { email: DEMO.wilmslowStaff } });
  });
});
