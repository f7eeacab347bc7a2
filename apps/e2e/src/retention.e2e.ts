import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launchBrowser, signIn, watchErrors } from './support/browser';

/**
 * Retention of complaint records in the console. A complaint closed 11 years ago is imported
 * through the API (as a practice moving its old log into Parley would); the Wilmslow manager
 * finds it flagged for review, is refused a retention period shorter than 10 years on the field,
 * keeps the record for 2 more years with a reason, and the flag clears. axe-core finds nothing on
 * the page. Staff have no retention area and are turned away from its address.
 */

jest.setTimeout(240_000);

const MANAGER = 'manager@wilmslow.demo';
const STAFF = 'staff@wilmslow.demo';
const PASSWORD = 'parley-demo-password';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function gql<T>(
  query: string,
  variables: Record<string, unknown>,
  auth?: { token: string; practiceId?: string },
): Promise<T> {
  const response = await fetch(`${appUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(auth?.practiceId ? { 'x-parley-practice': auth.practiceId } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T | null; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** yyyy-mm-dd, `years` years and `days` days before today (UTC is close enough here). */
function daysAgo(years: number, days = 0): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Imports a complaint closed 11 years ago into Wilmslow; answers its reference. */
async function importOldComplaint(): Promise<string> {
  const { login } = await gql<{
    login: {
      accessToken: string;
      user: { memberships: { practice: { id: string; slug: string } | null }[] };
    };
  }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { memberships { practice { id slug } } } } }',
    { email: MANAGER, password: PASSWORD },
  );
  const practiceId = login.user.memberships.find(
    (m) => m.practice?.slug === 'wilmslow-health-centre',
  )?.practice?.id;
  if (!practiceId) throw new Error('The Wilmslow manager has no Wilmslow membership');
  const auth = { token: login.accessToken, practiceId };
  const { channels } = await gql<{ channels: { label: string }[] }>(
    '{ channels { label } }',
    {},
    auth,
  );
  const closed = daysAgo(11);
  const received = daysAgo(11, 40);
  const csv = [
    'received_on,channel,summary,kind,status,subject_areas,staff_groups,complainant_status,age_band,acknowledged_on,responded_on,closed_on,outcome,phso_informed,contact_name',
    `${received},${channels[0].label},E2E retention: an old complaint,complaint,closed,clinical,gp,patient,age_16_64,${daysAgo(11, 38)},${daysAgo(11, 2)},${closed},not_upheld,yes,`,
  ].join('\n');
  const { importComplaintsCsv } = await gql<{
    importComplaintsCsv: { imported: number; problems: unknown[] };
  }>(
    'mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { imported problems { row field message } } }',
    { csv },
    auth,
  );
  expect(importComplaintsCsv).toEqual({ imported: 1, problems: [] });
  const { retentionReview } = await gql<{
    retentionReview: { items: { reference: string; closedOn: string }[] };
  }>('{ retentionReview(onlyDue: true, first: 100) { items { reference closedOn } } }', {}, auth);
  const item = retentionReview.items.find((i) => i.closedOn === closed);
  if (!item) throw new Error('The imported complaint is not due for review');
  return item.reference;
}

describe('retention of complaint records', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  async function signedIn(email: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = watchErrors(page);
    await signIn(page, email);
    await page.waitForURL(`${appUrl()}/`);
    return { page, errors };
  }

  it('flags an old record for review, and a manager keeps it for 2 more years', async () => {
    const reference = await importOldComplaint();
    const { page, errors } = await signedIn(MANAGER);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Retention' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Record retention' }).waitFor();

    const table = page.getByRole('table', { name: /awaiting a decision/ });
    const row = table.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    expect(await row.innerText()).toContain('Due for review');
    await expectNoAxeViolations(page);

    // The API's refusal shows on the field, and nothing is saved.
    const years = page.getByLabel('Years kept after closure');
    await years.fill('9');
    await page.getByRole('button', { name: 'Save period' }).click();
    await page.getByText(/at least 10: the NHS Records Management Code/).waitFor();
    await expectNoAxeViolations(page);
    await years.fill('10');

    await page.getByRole('button', { name: `Record a decision on complaint ${reference}` }).click();
    await page.getByRole('heading', { name: `Decision on complaint ${reference}` }).waitFor();
    await page.getByLabel('Keep for how many more years').fill('2');
    await page.getByLabel('Reason').fill('A claim about this complaint is still open.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Record decision' }).click();

    const status = page.getByRole('status').filter({ hasText: `Complaint ${reference}` });
    await status.waitFor();
    expect(await status.innerText()).toMatch(/Keep 2 more years.*Nothing was deleted\./);
    await row.waitFor({ state: 'detached' });

    // Every record past its period: this one is still there, kept, and no longer flagged.
    await page.getByRole('checkbox', { name: 'Only records awaiting a decision' }).uncheck();
    const all = page
      .getByRole('table', { name: /past their retention period/ })
      .getByRole('row')
      .filter({ hasText: reference });
    await all.waitFor();
    const text = await all.innerText();
    expect(text).toContain('Keep 2 more years');
    expect(text).toContain('A claim about this complaint is still open.');
    expect(text).not.toContain('Due for review');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('gives staff no retention area, and turns them away from its address', async () => {
    const { page, errors } = await signedIn(STAFF);
    const nav = page.getByRole('navigation', { name: 'Areas' });
    await nav.getByRole('link', { name: 'Feedback' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Retention' }).count()).toBe(0);
    await page.goto(`${appUrl()}/retention`);
    await page.waitForURL(`${appUrl()}/`);
    expect(await page.getByRole('heading', { name: 'Record retention' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
