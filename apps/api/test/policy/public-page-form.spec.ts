import { randomUUID } from 'node:crypto';
import { countItems } from '../feedback/feedback-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { BOOT_TIMEOUT } from './policy-api';

/** The hosted page's own form, for visitors without script: a plain HTML POST, then a thank-you. */
describe('hosted page form (no script)', () => {
  let t: TestApp;
  let riverside: string;
  const FORM_PRACTICE = 'demo-riverside-surgery';
  let ipCounter = 1;
  const nextIp = () => `198.51.100.${ipCounter++}`;

  beforeAll(async () => {
    t = await startTestApp();
    riverside = await t.practiceId(FORM_PRACTICE);
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const submit = (
    fields: Record<string, string>,
    { slug = FORM_PRACTICE, embed = false, ip = nextIp() } = {},
  ) =>
    fetch(`${t.url}/p/${slug}/feedback${embed ? '?embed=1' : ''}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      body: new URLSearchParams(fields).toString(),
    });

  const itemsMatching = async (words: string) => {
    const rows = await t.db.run({ tenantPracticeId: riverside }, (uow) =>
      uow.query<{ source: string; kind: string }>(
        `SELECT i.source, i.kind FROM feedback_items i
           JOIN feedback_texts x ON x.practice_id = i.practice_id AND x.feedback_id = i.id
          WHERE i.practice_id = $1 AND x.summary = $2`,
        [riverside, words],
      ),
    );
    return rows;
  };

  it('is on the hosted page and the iframe when the practice offers an online form, with labelled fields', async () => {
    const html = await (await fetch(`${t.url}/p/${FORM_PRACTICE}`)).text();
    expect(html).toContain(`<form method="post" action="/p/${FORM_PRACTICE}/feedback" novalidate>`);
    expect(html).toContain('<label for="pf-message">Your feedback (required)</label>');
    expect(html).not.toContain('<script');
    const framed = await (await fetch(`${t.url}/p/${FORM_PRACTICE}?embed=1`)).text();
    expect(framed).toContain(`action="/p/${FORM_PRACTICE}/feedback?embed=1"`);

    // The customers' policies offer no online form: no form on their pages.
    const wilmslow = await (await fetch(`${t.url}/p/wilmslow-health-centre`)).text();
    expect(wilmslow).not.toContain('<form');
  });

  it('shows the problems beside their fields, keeps what was typed (escaped) and stores nothing', async () => {
    const before = await countItems(t, riverside);
    const response = await submit({
      message: '   ',
      email: 'not-an-address',
      name: '<script>alert(1)</script>',
      website: '',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('<a href="#pf-message">Enter your feedback</a>');
    expect(html).toContain(
      '<a href="#pf-email">Enter an email address in the correct format, like name@example.com</a>',
    );
    expect(html).toMatch(/id="pf-email"[^>]*value="not-an-address"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(await countItems(t, riverside)).toBe(before);
  });

  it('logs the feedback once, redirects to the thank-you with its reference, and a double submission is the same item', async () => {
    const words = `No-script form ${randomUUID()}: the new check-in screen is easy to use.`;
    const fields = {
      message: words,
      kind: 'compliment',
      name: '',
      email: '',
      phone: '',
      website: '',
    };
    const ip = nextIp();
    const first = await submit(fields, { ip });
    expect(first.status).toBe(303);
    const location = first.headers.get('location') as string;
    expect(location).toMatch(new RegExp(`^/p/${FORM_PRACTICE}\\?sent=[0-9A-F]{8}$`));
    const reference = location.split('sent=')[1];

    const thanks = await fetch(`${t.url}${location}`);
    expect(thanks.headers.get('cache-control')).toBe('no-store');
    const html = await thanks.text();
    expect(html).toContain('role="status"');
    expect(html).toContain(`Your reference is <strong>${reference}</strong>.`);
    expect(html).not.toContain('<form');

    const again = await submit(fields, { ip });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(location);
    expect(await itemsMatching(words)).toEqual([{ source: 'online_form', kind: 'compliment' }]);
  });

  it('keeps the iframe variant framable and in the iframe after sending', async () => {
    const invalid = await submit({ message: '' }, { embed: true });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(invalid.headers.get('x-frame-options')).toBeNull();

    const sent = await submit(
      { message: `Framed ${randomUUID()}: thank you to the nurses.` },
      { embed: true },
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(/\?embed=1&sent=[0-9A-F]{8}$/);
    const page = await fetch(`${t.url}${sent.headers.get('location')}`);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(await page.text()).toContain('Your reference is');
  });

  it('refuses a practice without an online form (403), an unknown practice (404) and too many submissions (429), storing nothing', async () => {
    const wilmslow = await t.practiceId('wilmslow-health-centre');
    const wilmslowBefore = await countItems(t, wilmslow);
    const refused = await submit(
      { message: 'Posted to a practice without a form' },
      { slug: 'wilmslow-health-centre' },
    );
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('There is a problem');
    expect(await countItems(t, wilmslow)).toBe(wilmslowBefore);

    const unknown = await submit({ message: 'Anyone there?' }, { slug: 'no-such-practice' });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Policy not found');

    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await submit({ message: `Burst ${i} ${randomUUID()}` }, { ip })).status);
    expect(statuses).toEqual(Array(10).fill(303));
    const before = await countItems(t, riverside);
    const limited = await submit({ message: `One too many ${randomUUID()}` }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('There is a problem');
    expect(await countItems(t, riverside)).toBe(before);
  });
});
