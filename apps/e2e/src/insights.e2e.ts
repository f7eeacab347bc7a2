import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { appUrl, launchBrowser, signIn, watchErrors } from './support/browser';

/**
 * ICB insights in the console. The Cheshire and Merseyside auditor reads the trends of their
 * ICB's practices (Wilmslow among them), drills down to one practice, reads and downloads the
 * KO41(b) returns and the trends as CSV, looks over the practices' policies and sets the ICB's
 * thresholds. Trumpington Street, a practice of another ICB, appears nowhere: not on any page, not
 * in any answer the browser receives, not in any file. A drill-down to it by address shows no
 * figures. A platform admin chooses between the two ICBs. axe-core finds nothing on the pages.
 *
 * The demo data are small, so most counts are hidden ("[c]"): that is what auditors will see
 * for small practices, and what the pages must show clearly.
 */

jest.setTimeout(240_000);

const AUDITOR = 'auditor@cheshire-merseyside.demo';
const ADMIN = 'admin@parley.demo';
const OTHER_ICB_PRACTICE = /Trumpington/i;
const OTHER_ICB = /Cambridgeshire/i;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** The whole page as text, including what only assistive technology reads. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.title}\n${document.body.innerText}`);
}

/** Nothing of the other ICB on the page, in its text or anywhere in its markup. */
async function expectNothingOfTheOtherIcb(page: Page): Promise<void> {
  expect(await pageText(page)).not.toMatch(OTHER_ICB_PRACTICE);
  expect(await pageText(page)).not.toMatch(OTHER_ICB);
  expect(await page.content()).not.toMatch(OTHER_ICB_PRACTICE);
}

/** Clicks a download button and returns the file's name and text. */
async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The rows of the table its heading names, cell by cell. */
async function tableRows(page: Page, name: string | RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name, exact: true });
  await table.locator('tbody tr').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) =>
          (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${appUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T | null; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Trumpington Street's id, as the platform admin sees it. */
async function trumpingtonId(): Promise<string> {
  const { login } = await gql<{ login: { accessToken: string } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email: ADMIN, password: 'parley-demo-password' },
  );
  const { insightsIcbs } = await gql<{
    insightsIcbs: { practices: { id: string; name: string }[] }[];
  }>('{ insightsIcbs { practices { id name } } }', {}, login.accessToken);
  const practice = insightsIcbs
    .flatMap((icb) => icb.practices)
    .find((p) => OTHER_ICB_PRACTICE.test(p.name));
  if (!practice) throw new Error('No Trumpington Street practice in the demo data');
  return practice.id;
}

describe('ICB insights', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  /** A signed-in page; every answer of the API to it is kept, to look for the other ICB in. */
  async function signedIn(email: string) {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = watchErrors(page);
    const answers: string[] = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/graphql' || url.pathname.startsWith('/insights/'))
        answers.push(await response.text().catch(() => ''));
    });
    await signIn(page, email);
    await page.waitForURL(`${appUrl()}/`);
    return { page, errors, answers };
  }

  it('the Cheshire and Merseyside auditor reviews their practices, and Trumpington Street appears nowhere', async () => {
    const { page, errors, answers } = await signedIn(AUDITOR);

    // The dashboard, from the side navigation.
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Insights' })
      .click();
    await page.waitForURL(`${appUrl()}/insights`);
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    const practices = await tableRows(page, 'Practices compared');
    expect(practices.map((row) => row[0])).toEqual([
      'Harbour View Medical Centre (demo)',
      'Meadow Lane Practice (demo)',
      'Riverside Surgery (demo)',
      'Wilmslow Health Centre',
    ]);
    const text = await pageText(page);
    expect(text).toContain('practices of NHS Cheshire and Merseyside ICB');
    // Wilmslow's few complaints are hidden, and say so.
    expect(text).toMatch(/\[c\]: not shown, to protect privacy/);
    const wilmslowRow = practices.find((row) => row[0] === 'Wilmslow Health Centre') ?? [];
    expect(wilmslowRow[2]).toMatch(/^\[c\]/);
    // One ICB to review: no picker.
    expect(await page.getByRole('combobox', { name: 'ICB' }).count()).toBe(0);
    // Every chart is an image with a summary; its figures are in the tables.
    const charts = page.locator('canvas[role="img"]');
    expect(await charts.count()).toBe(4);
    for (const label of await charts.evaluateAll((all) =>
      all.map((c) => c.getAttribute('aria-label') ?? ''),
    ))
      expect(label).toMatch(/^(Line|Bar) chart: .+\./);
    await expectNothingOfTheOtherIcb(page);
    await expectNoAxeViolations(page);

    // Grouped by quarter: the choice goes into the address, the table follows.
    await page.getByRole('combobox', { name: 'Group by' }).click();
    await page.getByRole('option', { name: 'Quarter (financial year)' }).click();
    await page.waitForURL(/period=QUARTER/);
    await page
      .getByRole('table', { name: 'Complaints by period' })
      .getByRole('rowheader', { name: /^Q\d \d{4}-\d{2}/ })
      .first()
      .waitFor();

    // The trends as CSV: fetched with the bearer token, the ICB's practices only.
    const trendsCsv = await download(
      page,
      page.getByRole('button', { name: 'Download these trends (CSV)' }),
    );
    expect(trendsCsv.name).toMatch(/^trends-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(trendsCsv.text.split(/\r?\n/)[0]).toBe('Table,Row,Column,Value');
    expect(trendsCsv.text).toContain('Wilmslow Health Centre');
    expect(trendsCsv.text).toContain('NHS Cheshire and Merseyside ICB');
    expect(trendsCsv.text).not.toMatch(OTHER_ICB_PRACTICE);

    // The ICB's thresholds: a practice whose figures are hidden is not judged on them.
    await page.getByLabel('Highest complaint rate').fill('1.5');
    await page.getByLabel('Lowest % acknowledged in time').fill('90');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Thresholds saved.').waitFor();
    await page
      .getByText(
        'Practices above 1.5 complaints per 1,000 registered patients per year are flagged.',
      )
      .waitFor();
    await page
      .getByRole('table', { name: 'Practices compared' })
      .getByText('Complaint rate not assessed: the count is not shown.')
      .first()
      .waitFor();
    // Put them back as they were (not set), for whoever comes next.
    await page.getByLabel('Highest complaint rate').fill('');
    await page.getByLabel('Lowest % acknowledged in time').fill('');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Practices are not flagged on their complaint rate.').waitFor();

    // Drill-down to Wilmslow: its aggregates, never an item.
    await page.getByRole('link', { name: 'Wilmslow Health Centre' }).click();
    await page.waitForURL(/\/insights\/practices\/[0-9a-f-]{36}\?.*period=QUARTER/);
    await page.getByRole('heading', { level: 1, name: 'Wilmslow Health Centre' }).waitFor();
    await page
      .getByRole('table', { name: 'Complaints by period' })
      .locator('tbody tr')
      .first()
      .waitFor();
    expect(await page.getByRole('table', { name: 'Practices compared' }).count()).toBe(0);
    expect(await page.locator('a[href*="/feedback"]').count()).toBe(0);
    expect(await pageText(page)).toContain('Registered patients\n14,200');
    await expectNothingOfTheOtherIcb(page);
    await expectNoAxeViolations(page);
    const practiceCsv = await download(
      page,
      page.getByRole('button', { name: 'Download these trends (CSV)' }),
    );
    expect(practiceCsv.text).toContain('Wilmslow Health Centre');
    expect(practiceCsv.text).not.toContain('Riverside Surgery');
    expect(practiceCsv.text).not.toMatch(OTHER_ICB_PRACTICE);

    // Wilmslow's KO41(b) return for this financial year, and its CSV.
    await page.getByRole('link', { name: 'KO41(b) return of this practice' }).click();
    await page.waitForURL(/\/insights\/ko41b\?.*practice=/);
    await page.getByRole('heading', { level: 1, name: 'KO41(b) return' }).waitFor();
    const totals = await tableRows(page, /^Wilmslow Health Centre, \d{4}-\d{2}$/);
    expect(totals.map((row) => row[0])).toEqual([
      'Brought forward from the previous year',
      'New complaints received',
      'Resolved: upheld',
      'Resolved: partially upheld',
      'Resolved: not upheld',
      'Resolved in the year',
      'Carried forward to the next year',
    ]);
    await expectNothingOfTheOtherIcb(page);
    const practiceReturn = await download(
      page,
      page.getByRole('button', { name: 'Download this return (CSV)' }),
    );
    expect(practiceReturn.name).toMatch(/^ko41b-\d{4}-\d{2}-practice\.csv$/);
    expect(practiceReturn.text.split(/\r?\n/)[1]).toMatch(/^Wilmslow Health Centre,\d{4}-\d{2},/);

    // The whole ICB's return; the practices on offer are the ICB's own.
    await page.getByRole('combobox', { name: 'Return of' }).click();
    const offered = await page.getByRole('option').allInnerTexts();
    expect(offered).toContain('Wilmslow Health Centre');
    expect(offered.join('\n')).not.toMatch(OTHER_ICB_PRACTICE);
    await page.getByRole('option', { name: 'The whole ICB' }).click();
    await page
      .getByRole('heading', { level: 2, name: /^NHS Cheshire and Merseyside ICB, \d{4}-\d{2}$/ })
      .waitFor();
    await expectNoAxeViolations(page);
    const icbReturn = await download(
      page,
      page.getByRole('button', { name: 'Download this return (CSV)' }),
    );
    expect(icbReturn.text.split(/\r?\n/)[1]).toMatch(
      /^NHS Cheshire and Merseyside ICB,\d{4}-\d{2},/,
    );
    expect(icbReturn.text).not.toMatch(OTHER_ICB_PRACTICE);

    // The policies of the ICB's practices.
    await page
      .getByRole('navigation', { name: 'Insights pages' })
      .getByRole('link', { name: 'Policies' })
      .click();
    await page.waitForURL(/\/insights\/policies/);
    const policies = await tableRows(page, 'Published policies');
    expect(policies.map((row) => row[0])).toContain('Wilmslow Health Centre');
    expect(policies).toHaveLength(4);
    await expectNothingOfTheOtherIcb(page);
    await expectNoAxeViolations(page);

    // Nothing the browser was sent mentions the other ICB's practice.
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.filter((body) => OTHER_ICB_PRACTICE.test(body))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a drill-down to a practice of another ICB, by address, shows no figures', async () => {
    const otherPractice = await trumpingtonId();
    const { page, answers } = await signedIn(AUDITOR);
    await page.goto(`${appUrl()}/insights/practices/${otherPractice}`);
    await page
      .getByRole('alert')
      .filter({ hasText: /not found/i })
      .waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await expectNothingOfTheOtherIcb(page);
    expect(answers.filter((body) => OTHER_ICB_PRACTICE.test(body))).toEqual([]);
  });

  it('a platform admin chooses which ICB to review', async () => {
    const { page, errors } = await signedIn(ADMIN);
    await page.goto(`${appUrl()}/insights/policies`);
    await page.getByRole('heading', { level: 1, name: 'Policies' }).waitFor();
    // The first ICB by name to begin with: Cambridgeshire and Peterborough.
    const picker = page.getByRole('combobox', { name: 'ICB' });
    await expect(picker.innerText()).resolves.toContain('NHS Cambridgeshire and Peterborough ICB');
    await page.getByRole('rowheader', { name: 'Trumpington Street Medical Practice' }).waitFor();
    await expectNoAxeViolations(page);

    await picker.click();
    await page.getByRole('option', { name: 'NHS Cheshire and Merseyside ICB' }).click();
    await page.waitForURL(/\/insights\/policies\?icb=/);
    await page.getByRole('rowheader', { name: 'Wilmslow Health Centre' }).waitFor();
    expect((await tableRows(page, 'Published policies')).map((row) => row[0])).not.toContain(
      'Trumpington Street Medical Practice',
    );

    // The choice stays with the other insights pages.
    await page
      .getByRole('navigation', { name: 'Insights pages' })
      .getByRole('link', { name: 'Trends' })
      .click();
    await page.waitForURL(/\/insights\?icb=/);
    const practices = await tableRows(page, 'Practices compared');
    expect(practices.map((row) => row[0])).toContain('Wilmslow Health Centre');
    expect(practices.map((row) => row[0])).not.toContain('Trumpington Street Medical Practice');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
