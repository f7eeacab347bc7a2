import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launchBrowser, signIn, watchErrors } from './support/browser';

/**
 * The feedback and complaints log in the console: a receptionist logs a complaint a patient's
 * relative made at the desk two weeks ago (so its acknowledgement is overdue), the practice
 * manager acknowledges it in another browser, and the clocks and both home pages follow. The
 * inbox, the form and the item page pass axe-core.
 */

jest.setTimeout(240_000);

const SUMMARY = `Relative unhappy that the 8am phone queue was over 30 minutes (e2e ${Date.now()}).`;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** The overdue panel of the home page, once it has loaded. */
async function overduePanel(page: Page) {
  await page.goto(`${appUrl()}/`);
  const panel = page.locator('section[aria-labelledby="home-overdue"]');
  await panel.getByRole('heading', { level: 2, name: 'Overdue', exact: true }).waitFor();
  await panel.locator('text=Checking for overdue complaints').waitFor({ state: 'detached' });
  return panel;
}

describe('the feedback and complaints log', () => {
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

  it('staff log a verbal complaint made at the desk; the manager acknowledges it; the clocks and home page follow', async () => {
    const staff = await signedIn('staff@wilmslow.demo');
    const page = staff.page;

    // The inbox.
    await page.goto(`${appUrl()}/feedback`);
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    await page.locator('table').waitFor();
    await expectNoAxeViolations(page);

    // The form: a complaint made in person, two weeks ago.
    await page.getByRole('link', { name: 'Log feedback' }).click();
    await page.waitForURL(/\/feedback\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Log feedback' }).waitFor();
    const { receivedAt, eventOn } = await page.evaluate(() => {
      const pad = (n: number) => String(n).padStart(2, '0');
      const d = new Date(Date.now() - 14 * 86_400_000);
      const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      return { receivedAt: `${day}T10:15`, eventOn: day };
    });
    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Tell us in person' }).click();
    await page.getByLabel('Received at').fill(receivedAt);
    await page.getByRole('radio', { name: 'Complaint' }).check();
    await page.getByLabel('Summary').fill(SUMMARY);
    await page.getByRole('combobox', { name: 'Subject areas' }).click();
    await page.getByRole('option', { name: /^Access to services and appointments/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Staff groups' }).click();
    await page.getByRole('option', { name: 'Admin and reception' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Date it happened').fill(eventOn);
    await page.getByText('Within the 12-month time limit').waitFor();
    expect(await page.getByRole('checkbox', { name: /Made orally/ }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Log feedback' }).click();
    await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
    const itemUrl = page.url();
    const logged = page.getByRole('status').filter({ hasText: 'Logged. The reference is' });
    await logged.waitFor();
    const reference = /reference is (\w+)\./.exec(await logged.innerText())?.[1] ?? '';
    expect(reference).toMatch(/^\w{8}$/);
    await page.getByRole('heading', { level: 1, name: `Complaint ${reference}` }).waitFor();

    // The clocks: the 3rd working day is long past.
    const clocks = page.locator('section[aria-labelledby="item-clocks"]');
    await expect(clocks.locator('dd').first().innerText()).resolves.toMatch(
      /^Overdue: it was due by .+\.$/,
    );
    expect(await page.locator('.history').innerText()).toContain('by Sam Reception');
    await expectNoAxeViolations(page);

    // The home page lists it as overdue, linked to the item.
    let panel = await overduePanel(page);
    await panel.getByRole('link', { name: `Complaint ${reference}` }).waitFor();
    expect(
      await panel.getByRole('link', { name: `Complaint ${reference}` }).getAttribute('href'),
    ).toBe(new URL(itemUrl).pathname);

    // The manager, in another browser, acknowledges it.
    const manager = await signedIn('manager@wilmslow.demo');
    panel = await overduePanel(manager.page);
    await panel.getByRole('link', { name: `Complaint ${reference}` }).click();
    await manager.page.waitForURL(itemUrl);
    await manager.page.getByRole('radio', { name: 'Acknowledge' }).check();
    await manager.page
      .getByLabel('Note (optional)')
      .fill('Phoned the relative back to acknowledge it.');
    await manager.page.getByRole('button', { name: 'Acknowledge' }).click();
    await manager.page
      .getByRole('status')
      .filter({ hasText: 'The complaint is now acknowledged.' })
      .waitFor();
    await manager.page.getByText('Status: Acknowledged').waitFor();
    const acknowledgement = manager.page
      .locator('section[aria-labelledby="item-clocks"] dd')
      .first();
    await expect(acknowledgement.innerText()).resolves.toMatch(
      /^Acknowledged on .+: late \(it was due by .+\)\.$/,
    );
    const history = await manager.page.locator('.history').innerText();
    expect(history).toContain('by Wendy Manager');
    expect(history).toContain('Phoned the relative back to acknowledge it.');

    // Both home pages stop listing it as overdue.
    panel = await overduePanel(manager.page);
    expect(await panel.getByRole('link', { name: `Complaint ${reference}` }).count()).toBe(0);
    panel = await overduePanel(page);
    expect(await panel.getByRole('link', { name: `Complaint ${reference}` }).count()).toBe(0);

    // And staff see the acknowledgement on the item's clocks too.
    await page.goto(itemUrl);
    await page.getByText('Status: Acknowledged').waitFor();
    await expect(
      page.locator('section[aria-labelledby="item-clocks"] dd').first().innerText(),
    ).resolves.toMatch(/^Acknowledged on /);

    expect(staff.errors).toEqual([]);
    expect(manager.errors).toEqual([]);
  });
});
