import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launchBrowser, watchErrors } from './support/browser';

/**
 * <parley-policy> on a practice's own website: a host page served from another origin (another
 * port) loads /embed.js from Parley, shows the published policy and channels inside Shadow DOM,
 * takes feedback through the online form, passes axe-core, and never runs policy wording as script.
 *
 * Wilmslow is only read. The form and the hostile wording use demo practices with a manager
 * invited here by the platform admin, so no other test sees their changes.
 */

const PASSWORD = 'parley-demo-password';
const WILMSLOW = 'wilmslow-health-centre';
const FORM_PRACTICE = 'demo-riverside-surgery';
const HOSTILE_PRACTICE = 'demo-harbour-view-medical';

interface GqlBody<T> {
  data: T | null;
  errors?: { message: string }[];
}

async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  practiceId?: string,
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (practiceId) headers['x-parley-practice'] = practiceId;
  const response = await fetch(`${appUrl()}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GqlBody<T>;
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function login(email: string, password = PASSWORD): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email, password },
  );
  return data.login.accessToken;
}

/** A new manager for a demo practice, invited by the platform admin: their token and the practice id. */
async function managerOf(slug: string): Promise<{ token: string; practiceId: string }> {
  const admin = await login('admin@parley.demo');
  const { icbs } = await gql<{ icbs: { id: string }[] }>('{ icbs { id } }', {}, admin);
  const practices: { id: string; slug: string }[] = [];
  for (const icb of icbs) {
    const found = await gql<{ practices: { id: string; slug: string }[] }>(
      'query ($icbId: ID) { practices(icbId: $icbId) { id slug } }',
      { icbId: icb.id },
      admin,
    );
    practices.push(...found.practices);
  }
  const practice = practices.find((p) => p.slug === slug);
  if (!practice) throw new Error(`No demo practice ${slug}`);
  const issued = await gql<{ invitePracticeManager: { acceptUrl: string } }>(
    'mutation ($practiceId: ID!, $email: String!, $name: String!) { invitePracticeManager(practiceId: $practiceId, email: $email, name: $name) { acceptUrl } }',
    {
      practiceId: practice.id,
      email: `embed-e2e-${randomUUID().slice(0, 8)}@example.test`,
      name: 'Embed Test Manager',
    },
    admin,
  );
  const token = issued.invitePracticeManager.acceptUrl.split('/').pop();
  const accepted = await gql<{ acceptInvitation: { accessToken: string } }>(
    'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }',
    { input: { token, password: 'embed-e2e-password-1234' } },
  );
  return { token: accepted.acceptInvitation.accessToken, practiceId: practice.id };
}

/** A stand-in for a practice's website, on its own origin, with the recommended snippet. */
function hostPage(parley: string, slug: string, extra = ''): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>A practice website</title></head>
<body>
<header><p>Practice website</p></header>
<main>
<h1>About us</h1>
<script src="${parley}/embed.js" async></script>
<parley-policy practice="${slug}" style="display:block;min-height:40rem">
  <noscript><p>Read <a href="${parley}/p/${slug}">our social media policy and how to give us feedback</a>.</p></noscript>
</parley-policy>
${extra}
</main>
</body>
</html>`;
}

/** Waits for the element to finish (it sets data-parley-state), and checks how it finished. */
async function waitForEmbed(page: Page, expected: 'ready' | 'error' = 'ready'): Promise<void> {
  const state = await page.waitForFunction(
    () => {
      const value = document.querySelector('parley-policy')?.getAttribute('data-parley-state');
      return value && value !== 'loading' ? value : null;
    },
    null,
    { timeout: 20_000 },
  );
  expect(await state.jsonValue()).toBe(expected);
}

describe('<parley-policy> on another website', () => {
  let browser: Browser;
  let host: Server;
  let hostUrl: string;
  const contexts: BrowserContext[] = [];

  /** A page in a fresh context (no shared cache); AxeBuilder needs one made by newContext(). */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    host = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host');
      if (url.pathname === '/iframe') {
        const src = `${appUrl()}/p/${WILMSLOW}?embed=1`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en-GB"><head><title>Framed</title></head><body><main><h1>Framed</h1>
<iframe title="Our social media policy" src="${src}" style="width:100%;height:40rem;border:0"></iframe></main></body></html>`);
        return;
      }
      const slug = url.pathname.slice(1) || WILMSLOW;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostPage(appUrl(), slug));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // localhost, not 127.0.0.1: another origin than Parley's, as a practice website is.
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    host?.closeAllConnections();
    await new Promise((resolve) => host?.close(resolve));
  });

  it('serves /embed.js so any origin may run it', async () => {
    const response = await fetch(`${appUrl()}/embed.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(response.headers.get('etag')).toBeTruthy();
    const { file } = (await (await fetch(`${appUrl()}/embed/manifest.json`)).json()) as {
      file: string;
    };
    const pinned = await fetch(`${appUrl()}/embed/${file}`);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('shows the published policy and its channels inside the shadow root, from another origin', async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    await page.goto(`${hostUrl}/${WILMSLOW}`);
    await waitForEmbed(page);

    const inShadow = await page.evaluate(() => {
      const el = document.querySelector('parley-policy')!;
      const root = el.shadowRoot!;
      return {
        title: root.querySelector('h2')?.textContent,
        channels: Array.from(root.querySelectorAll('section[aria-labelledby=pc-h] li .l')).map(
          (n) => n.textContent,
        ),
        lightChildren: Array.from(el.children).map((c) => c.tagName),
      };
    });
    expect(inShadow.title).toBe('Wilmslow Health Centre Social Media Policy');
    expect(inShadow.channels).toEqual(
      expect.arrayContaining(['Letter box at reception', 'Tell us in person']),
    );
    // Nothing but the snippet's own noscript is in the host page's DOM.
    expect(inShadow.lightChildren).toEqual(['NOSCRIPT']);
    // Playwright's locators reach into open shadow roots, as assistive technology does.
    await expect(
      page.getByRole('heading', { level: 2, name: 'How to contact us' }).count(),
    ).resolves.toBe(0);
    await expect(
      page.getByRole('heading', { level: 3, name: 'How to contact us' }).count(),
    ).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe-core with the policy shown', async () => {
    const page = await newPage();
    await page.goto(`${hostUrl}/${WILMSLOW}`);
    await waitForEmbed(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
    await page.close();
  });

  it('falls back to a link to the hosted page when the practice is unknown', async () => {
    const page = await newPage();
    await page.goto(`${hostUrl}/no-such-practice`);
    await waitForEmbed(page, 'error');
    const text = await page.evaluate(
      () => document.querySelector('parley-policy')!.shadowRoot!.textContent,
    );
    expect(text).toContain('has not published a social media policy');
    await page.close();
  });

  describe('the online form', () => {
    let manager: { token: string; practiceId: string };
    beforeAll(async () => {
      manager = await managerOf(FORM_PRACTICE);
    });

    it('validates, announces errors and passes axe-core, then sends feedback that is logged once', async () => {
      const page = await newPage();
      const errors = watchErrors(page);
      await page.goto(`${hostUrl}/${FORM_PRACTICE}`);
      await waitForEmbed(page);

      // Nothing filled in: the problem is announced and the message field takes focus.
      await page.getByRole('button', { name: 'Send feedback' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter your feedback');
      const focused = await page.evaluate(
        () => document.querySelector('parley-policy')!.shadowRoot!.activeElement?.id,
      );
      expect(focused).toBe('pf-m');
      const withErrors = await new AxeBuilder({ page }).analyze();
      expect(withErrors.violations.map((v) => v.id)).toEqual([]);

      const words = `The embed test ${randomUUID()} says the new phone system is much better.`;
      await page.getByLabel('Your feedback (required)').fill(words);
      await page.getByLabel('What kind of feedback is it? (optional)').selectOption('compliment');
      await page.getByLabel('Email address (optional)').fill('patient@example.test');
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().endsWith(`/public/practices/${FORM_PRACTICE}/feedback`) &&
            r.request().method() === 'POST',
        ),
        page.getByRole('button', { name: 'Send feedback' }).click(),
      ]);
      expect(response.status()).toBe(201);
      expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      const receipt = (await response.json()) as { reference: string };
      const status = page.getByRole('status');
      await expect(status.textContent()).resolves.toContain(
        `Your reference is ${receipt.reference}.`,
      );
      expect(
        await page.evaluate(
          () => document.querySelector('parley-policy')!.shadowRoot!.activeElement?.className,
        ),
      ).toBe('ok');
      const afterSending = await new AxeBuilder({ page }).analyze();
      expect(afterSending.violations.map((v) => v.id)).toEqual([]);
      expect(errors).toEqual([]);

      const logged = await gql<{
        feedbackItems: {
          totalCount: number;
          items: { reference: string; source: string; kind: string }[];
        };
      }>(
        'query ($search: String) { feedbackItems(filter: { search: $search }, first: 10) { totalCount items { reference source kind } } }',
        { search: words.slice(0, 60) },
        manager.token,
        manager.practiceId,
      );
      expect(logged.feedbackItems.totalCount).toBe(1);
      expect(logged.feedbackItems.items[0]).toEqual({
        reference: receipt.reference,
        source: 'online_form',
        kind: 'compliment',
      });
      await page.close();
    });
  });

  it('the iframe variant /p/:slug?embed=1 can be framed by another origin', async () => {
    const page = await newPage();
    await page.goto(`${hostUrl}/iframe`);
    const frame = page.frameLocator('iframe');
    await expect(
      frame.getByRole('heading', { level: 1 }).textContent({ timeout: 10_000 }),
    ).resolves.toBe('Wilmslow Health Centre Social Media Policy');
    await page.close();
  });

  describe('hostile policy wording', () => {
    it('is shown as text and never runs script on the host page', async () => {
      const manager = await managerOf(HOSTILE_PRACTICE);
      const hostile = [
        '<script>window.__pwned=1</script>',
        '<img src=x onerror="window.__pwned=1">',
        '[x](javascript:window.__pwned=1)',
      ];
      const draft = await gql<{ saveDraft: { id: string } }>(
        'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id } }',
        {
          input: {
            effectiveDate: '2025-06-01',
            document: {
              title: 'Policy <script>window.__pwned=1</script>',
              blocks: [
                ...hostile.map((text) => ({ type: 'paragraph', text })),
                { type: 'numberedList', items: hostile },
                { type: 'channelList', intro: '<svg onload="window.__pwned=1">' },
              ],
            },
          },
        },
        manager.token,
        manager.practiceId,
      );
      await gql(
        'mutation ($id: ID!) { publishDraft(expectedDraftId: $id) { id } }',
        { id: draft.saveDraft.id },
        manager.token,
        manager.practiceId,
      );

      const page = await newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${hostUrl}/${HOSTILE_PRACTICE}`);
      await waitForEmbed(page);
      // Give any handler (image error, svg load) time to fire if it could.
      await page.waitForTimeout(500);
      const seen = await page.evaluate(() => {
        const root = document.querySelector('parley-policy')!.shadowRoot!;
        return {
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          scripts: root.querySelectorAll('script, img, svg, iframe, [onerror], [onload]').length,
          hrefs: Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href')),
          text: root.textContent ?? '',
        };
      });
      expect(seen.pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(seen.scripts).toBe(0);
      expect(seen.hrefs.filter((href) => !/^(https?:|mailto:|tel:)/.test(href ?? ''))).toEqual([]);
      // The wording is still there, as words.
      expect(seen.text).toContain('<script>window.__pwned=1</script>');

      // Clicking what looks like a link does nothing either.
      const fake = page.locator('parley-policy').getByText('x', { exact: true }).first();
      if (await fake.count()) await fake.click();
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
      ).toBeUndefined();
      await page.close();
    });
  });
});
