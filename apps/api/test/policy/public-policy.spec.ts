import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  BOOT_TIMEOUT,
  customerFixture,
  normalise,
  Q,
  simpleDocument,
  type PublicPolicyView,
  type VersionView,
} from './policy-api';

/** What the public sees: the published snapshot only, through GraphQL, JSON and the hosted page. */
describe('public policy', () => {
  let t: TestApp;
  let trumpington: string;
  let trumpingtonManager: string;

  beforeAll(async () => {
    t = await startTestApp();
    trumpington = await t.practiceId('trumpington-street');
    trumpingtonManager = await t.tokenFor(DEMO.trumpingtonManager);
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const publicPolicy = async (slug: string) =>
    (await t.gqlOk<{ publicPolicy: PublicPolicyView | null }>(Q.publicPolicy, { slug }))
      .publicPolicy;
  const asTrumpington = <T>(query: string, variables: Record<string, unknown> = {}) =>
    t.gqlOk<T>(query, variables, { token: trumpingtonManager, practiceId: trumpington });

  describe('the two customer policies, word for word', () => {
    it.each(['wilmslow-health-centre', 'trumpington-street'] as const)(
      '%s: published text equals the customer document',
      async (slug) => {
        const policy = await publicPolicy(slug);
        expect(policy).not.toBeNull();
        expect(normalise(policy!.text)).toBe(customerFixture(slug));
        expect(policy!.text.split('\n')[0]).toBe(policy!.title);
        expect(policy!.version).toBe(1);
      },
    );

    it('Trumpington: dated sign-off, effective date and the email routes offered without an item of their own', async () => {
      const policy = (await publicPolicy('trumpington-street'))!;
      expect(policy.text.split('\n').pop()).toBe(
        'Trumpington Street Medical Practice: August 2020',
      );
      expect(policy.effectiveDate).toBe('2020-08-01');
      expect(policy.practiceName).toBe('Trumpington Street Medical Practice');
      expect(policy.channels.map((c) => [c.kind, c.href])).toEqual([
        ['letter_box', null],
        ['in_person', null],
        ['nhs_website', expect.stringMatching(/^https:\/\/www\.nhs\.uk\//)],
        ['email', 'mailto:enquiries@trumpington-street.example'],
        ['email', 'mailto:practice.manager@trumpington-street.example'],
      ]);
      expect(policy.html.match(/<li>/g)).toHaveLength(3);
    });

    it('the same text is served as JSON and on the hosted page', async () => {
      const response = await fetch(`${t.url}/public/practices/wilmslow-health-centre/policy`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as PublicPolicyView;
      expect(normalise(body.text)).toBe(customerFixture('wilmslow-health-centre'));
      const page = await (await fetch(`${t.url}/p/wilmslow-health-centre`)).text();
      expect(page).toContain('Wilmslow Health Centre Social Media Policy</h1>');
      expect(page).toContain('Please do not make an appointment with a GP to air a grievance');
    });

    it('stores the policy check warnings with the published version', async () => {
      // Trumpington's wording mentions removal and no warning, but its escalation ladder (the
      // defaults) has a formal warning step, which is what the removal rule needs.
      const { currentPolicy } = await asTrumpington<{ currentPolicy: VersionView }>(Q.current);
      expect(currentPolicy.warnings.map((w) => w.code)).toEqual([]);
    });
  });

  describe('GET /public/practices/:slug/policy', () => {
    const url = () => `${t.url}/public/practices/trumpington-street/policy`;

    it('is cacheable, with a strong ETag and 304 on If-None-Match, open to any origin', async () => {
      const first = await fetch(url(), {
        headers: { origin: 'https://www.trumpingtonstreet.example' },
      });
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/^application\/json/);
      expect(first.headers.get('cache-control')).toBe(
        'public, max-age=60, stale-while-revalidate=600',
      );
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[^"]+"$/);
      const body = (await first.json()) as PublicPolicyView;
      expect(Object.keys(body).sort()).toEqual([
        'channels',
        'effectiveDate',
        'html',
        'practiceName',
        'publishedAt',
        'text',
        'title',
        'version',
      ]);

      const again = await fetch(url(), { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      expect(
        (await fetch(url(), { headers: { 'if-none-match': '"something-else"' } })).status,
      ).toBe(200);
    });

    it('answers a CORS preflight', async () => {
      const response = await fetch(url(), {
        method: 'OPTIONS',
        headers: {
          origin: 'https://example.org',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'if-none-match',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')).toMatch(/if-none-match/i);
    });

    it('is 404 JSON for an unknown or malformed slug, and GraphQL answers null', async () => {
      for (const slug of ['no-such-practice', 'Not_A_Slug']) {
        const response = await fetch(`${t.url}/public/practices/${slug}/policy`);
        expect(response.status).toBe(404);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(await response.json()).toEqual({
          error: { code: 'NOT_FOUND', message: expect.any(String) },
        });
        expect(await publicPolicy(slug)).toBeNull();
      }
      const page = await fetch(`${t.url}/p/no-such-practice`);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('<html lang="en-GB">');
    });
  });

  describe('the hosted page', () => {
    it('is an accessible page with the policy and its channels', async () => {
      const response = await fetch(`${t.url}/p/trumpington-street`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const html = await response.text();
      expect(html).toContain('<html lang="en-GB">');
      expect(html).toMatch(/<a class="skip-link" href="#main">/);
      expect(html).toMatch(/<main id="main"/);
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(html).toContain('<h1>Social Media Policy</h1>');
      expect(html).toContain('href="mailto:practice.manager@trumpington-street.example"');
      expect(html).not.toMatch(/<script/i);
    });

    it('has an embed variant without chrome that any site may frame', async () => {
      const response = await fetch(`${t.url}/p/trumpington-street?embed=1`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'none'/);
      const html = await response.text();
      expect(html).not.toContain('skip-link" href');
      expect(html).not.toContain('<header');
      expect(html).toContain('<main id="main"');
    });
  });

  describe('drafts and hostile wording', () => {
    it('never shows a draft, and shows the new wording once published', async () => {
      const before = (await publicPolicy('trumpington-street'))!;
      const { saveDraft } = await asTrumpington<{ saveDraft: VersionView }>(Q.saveDraft, {
        input: { document: simpleDocument('DRAFT-MARKER-1'), effectiveDate: '2025-06-01' },
      });
      expect(saveDraft.status).toBe('draft');
      expect(JSON.stringify(await publicPolicy('trumpington-street'))).not.toContain(
        'DRAFT-MARKER-1',
      );
      expect(
        await (await fetch(`${t.url}/public/practices/trumpington-street/policy`)).text(),
      ).not.toContain('DRAFT-MARKER-1');
      expect(await (await fetch(`${t.url}/p/trumpington-street`)).text()).not.toContain(
        'DRAFT-MARKER-1',
      );

      await asTrumpington(Q.publishDraft, { expectedDraftId: saveDraft.id });
      const after = (await publicPolicy('trumpington-street'))!;
      expect(after.text).toContain('DRAFT-MARKER-1');
      expect(after.version).toBe(before.version + 1);
      const response = await fetch(`${t.url}/public/practices/trumpington-street/policy`);
      expect(await response.text()).toContain('DRAFT-MARKER-1');
      expect(await (await fetch(`${t.url}/p/trumpington-street`)).text()).toContain(
        'DRAFT-MARKER-1',
      );
    });

    it('keeps markup and script in wording as inert text', async () => {
      const hostile =
        '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>';
      const document = {
        title: 'Policy <script>alert(0)</script>',
        blocks: [
          { type: 'paragraph', text: hostile },
          { type: 'heading', text: '<iframe src="https://evil.example"></iframe>' },
          {
            type: 'numberedList',
            items: ['<svg onload=alert(5)>', '**bold** and [safe](https://example.org)'],
          },
        ],
      };
      const { saveDraft } = await asTrumpington<{ saveDraft: VersionView }>(Q.saveDraft, {
        input: { document, effectiveDate: '2025-07-01' },
      });
      expect(saveDraft.document.blocks[0].text).toBe(hostile);
      await asTrumpington(Q.publishDraft, { expectedDraftId: saveDraft.id });

      const policy = (await publicPolicy('trumpington-street'))!;
      const page = await (await fetch(`${t.url}/p/trumpington-street`)).text();
      const json = (await (
        await fetch(`${t.url}/public/practices/trumpington-street/policy`)
      ).json()) as PublicPolicyView;
      for (const html of [policy.html, page, json.html]) {
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<(img|svg|iframe)/i);
        // No element carries an event handler or a javascript: link.
        expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/<a\s[^>]*href="javascript:/i);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('<strong>bold</strong>');
        expect(html).toContain(
          '<a href="https://example.org" rel="noopener noreferrer nofollow">safe</a>',
        );
      }
      expect(policy.text).toContain(hostile);
      expect(policy.title).toBe('Policy <script>alert(0)</script>');
    });
  });
});
