import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launchBrowser, signIn, watchErrors } from './support/browser';

/**
 * Escalation and social-media incidents in the console. A manager reads Wilmslow's escalation
 * settings as a ladder and is refused an acknowledgement clock looser than the law. Then a
 * receptionist logs two offensive posts by the same (new) patient, and Wilmslow's ladder (formal
 * warning after 2 incidents of severity Offensive or worse within 60 days) raises its alert in
 * the manager's console, open in another browser, without a reload; the manager acknowledges it.
 * axe-core finds nothing on the settings, incident list, form, incident and alerts pages.
 */

jest.setTimeout(240_000);

const ACK_REFUSAL =
  'The Complaints Regulations require acknowledgement by the 3rd working day after receipt. ' +
  'A practice may acknowledge sooner, not later.';
/** A practice reference no other run (or the demo data) uses. */
const PATIENT = `E2E-${Date.now().toString(36).toUpperCase()}`;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** The top bar's count of open alerts, once known. */
async function openAlerts(page: Page): Promise<number> {
  const link = page.getByRole('link', { name: /^Alerts \d+ open$/ });
  await link.waitFor();
  return Number(/(\d+) open/.exec((await link.textContent()) ?? '')?.[1]);
}

async function waitForOpenAlerts(page: Page, count: number): Promise<void> {
  await page.getByRole('link', { name: `Alerts ${count} open`, exact: true }).waitFor();
}

describe('escalation, incidents and live alerts', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  /** A browser of its own (as another person's computer would be), signed in. */
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

  it('shows the settings as a readable ladder and refuses an acknowledgement clock looser than the law', async () => {
    const { page, errors } = await signedIn('manager@wilmslow.demo');
    await page.goto(`${appUrl()}/escalation`);
    await page.getByRole('heading', { level: 1, name: 'Escalation' }).waitFor();

    const ladder = page.getByRole('heading', { name: 'The ladder for offensive posts' });
    await ladder.waitFor();
    const steps = page.locator('ol.ladder').first().locator('li');
    expect((await steps.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      'Invite to a face-to-face discussion Suggested after: One incident of severity Offensive or worse',
      "Contact the group's administrators Suggested after: One incident of severity Abusive or worse",
      'Formal warning, with reasons Suggested after: 2 incidents of severity Offensive or worse within 60 days',
      'Request removal from the practice list Suggested after: 3 incidents of severity Abusive or worse within 365 days',
    ]);
    for (const title of ['Removal from the practice list', 'Complaint clocks', 'Volume alert'])
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await page
      .getByText(
        'A removal request needs a formal warning, with reasons, given within the preceding 12 months.',
      )
      .first()
      .waitFor();
    const ackRule =
      'Acknowledge a complaint within 2 working days of receiving it (the regulations allow at most 3).';
    await page.getByText(ackRule).first().waitFor();
    const version = /Version (\d+)/.exec(await page.locator('p.version').innerText())?.[1];
    expect(version).toMatch(/^\d+$/);
    await expectNoAxeViolations(page);

    // Acknowledging after 5 working days is looser than the regulations allow.
    await page.getByRole('link', { name: 'Change the settings' }).click();
    await page.waitForURL(/\/escalation\/edit$/);
    await page.getByRole('heading', { level: 1, name: 'Change the escalation settings' }).waitFor();
    const ack = page.getByLabel('Acknowledge within (working days)');
    expect(await ack.inputValue()).toBe('2');
    await ack.fill('5');
    await page.getByRole('button', { name: /^Save as version/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: ACK_REFUSAL });
    await refusal.first().waitFor();
    expect(await ack.getAttribute('aria-invalid')).toBe('true');
    await expect(ack.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await expectNoAxeViolations(page);

    // Nothing was saved.
    await page.goto(`${appUrl()}/escalation`);
    await page.getByText(ackRule).first().waitFor();
    expect(await page.locator('p.version').innerText()).toContain(`Version ${version},`);
    expect(errors).toEqual([]);
  });

  it('a second offensive post by the same patient raises the configured alert in another open console, live', async () => {
    // The manager's console, open on the alerts page in another browser.
    const manager = await signedIn('manager@wilmslow.demo');
    await manager.page.goto(`${appUrl()}/alerts`);
    await manager.page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await manager.page.getByText('New alerts appear as they are raised.').waitFor();
    const before = await openAlerts(manager.page);
    await manager.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    // A receptionist logs the first post: the ladder suggests inviting the patient to talk.
    const staff = await signedIn('staff@wilmslow.demo');
    async function logOffensivePost(summary: string, newPatient: boolean): Promise<void> {
      const page = staff.page;
      await page.goto(`${appUrl()}/incidents`);
      await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
      await page.locator('table').waitFor(); // Wilmslow's demo data has incidents
      if (newPatient) await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Log an incident' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log an incident' }).waitFor();
      await page.getByRole('combobox', { name: 'Platform' }).click();
      await page.getByRole('option', { name: 'Facebook' }).click();
      await page
        .getByLabel('Link to the post')
        .fill(`https://www.facebook.com/groups/wilmslow-community/posts/${Date.now()}`);
      await page.getByLabel('Reported by').fill('Receptionist, shown by a patient at the desk');
      await page.getByLabel('What it says').fill(summary);
      await page.getByRole('radio', { name: /^Offensive/ }).check();
      await page.getByRole('combobox', { name: 'Patient reference' }).click();
      if (newPatient) {
        await page.getByRole('option', { name: 'A new reference…' }).click();
        await page.getByLabel('New patient reference').fill(PATIENT);
      } else {
        await page.getByRole('option', { name: PATIENT, exact: true }).click();
      }
      if (newPatient) await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Log the incident' }).click();
      await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
      await page.getByRole('status').filter({ hasText: 'The incident is logged.' }).waitFor();
    }

    await logOffensivePost('Calls the reception team "useless" in a community group.', true);
    await staff.page
      .getByText(`The ladder counts the 1 incident linked to patient ${PATIENT}.`)
      .waitFor();
    const invite = manager.page
      .locator('li.alert')
      .filter({ hasText: `Patient ${PATIENT}: Invite to a face-to-face discussion is suggested` });
    await invite.waitFor();
    await waitForOpenAlerts(manager.page, before + 1);

    // The second post within the window: the formal warning Wilmslow's ladder calls for.
    await logOffensivePost(
      'Repeats that reception is useless, in a reply to the first post.',
      false,
    );
    await staff.page
      .getByText(`The ladder counts the 2 incidents linked to patient ${PATIENT}.`)
      .waitFor();
    const suggested = staff.page.locator('.ladder__step--suggested');
    expect(await suggested.innerText()).toContain('Formal warning, with reasons');
    await staff.page
      .getByText('A practice manager records warnings and removal requests.')
      .first()
      .waitFor();
    await expectNoAxeViolations(staff.page);

    const warning = manager.page.locator('li.alert').filter({
      hasText:
        `Patient ${PATIENT}: Formal warning, with reasons is suggested ` +
        '(2 incidents of severity Offensive or worse within 60 days).',
    });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('New');
    await waitForOpenAlerts(manager.page, before + 2);
    expect(
      await manager.page.locator('parley-alerts-indicator [aria-live="polite"]').innerText(),
    ).toContain(`New alert: Patient ${PATIENT}: Formal warning, with reasons is suggested`);
    expect(
      await manager.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
    ).toBe(true); // no reload
    await expectNoAxeViolations(manager.page);

    // The manager acknowledges it; it leaves the open list and the count.
    await warning.getByRole('button', { name: 'Acknowledge' }).click();
    await manager.page.getByRole('status').filter({ hasText: 'Acknowledged:' }).waitFor();
    await warning.waitFor({ state: 'detached' });
    await waitForOpenAlerts(manager.page, before + 1);

    // The alert leads to the patient's incidents.
    await invite.getByRole('link', { name: "See the patient's incidents" }).click();
    await manager.page
      .getByRole('heading', { name: `Incidents linked to patient ${PATIENT}` })
      .waitFor();
    expect(await manager.page.locator('tr.mat-mdc-row').count()).toBe(2);

    // A manager may record the warning, or a removal request checked as it is filled in.
    await manager.page.locator('tr.mat-mdc-row a').first().click();
    await manager.page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await manager.page.getByRole('heading', { level: 2, name: 'Record a step' }).waitFor();
    expect(
      await manager.page.getByRole('radio', { name: /^Formal warning, with reasons/ }).isChecked(),
    ).toBe(true);
    await manager.page.getByRole('radio', { name: /^Request removal/ }).check();
    await manager.page
      .locator('.removal-check')
      .getByText(/warning/)
      .waitFor(); // no warning has been given: the check says so
    await expectNoAxeViolations(manager.page);

    expect(manager.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
  });
});
