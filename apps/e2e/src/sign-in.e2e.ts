import type { Browser } from 'playwright-core';
import { appUrl, launchBrowser, signIn, watchErrors } from './support/browser';

describe('signing in to the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the Wilmslow manager signs in and sees only Wilmslow', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await signIn(page, 'manager@wilmslow.demo');
    await page.waitForURL(`${appUrl()}/`);
    await page.getByText('Wilmslow Health Centre').first().waitFor();

    await page.goto(`${appUrl()}/people`);
    await page.getByText('staff@wilmslow.demo').waitFor();
    for (const path of ['/', '/people']) {
      await page.goto(`${appUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      expect(text).toContain('Wilmslow');
      expect(text).not.toMatch(/Trumpington/i);
    }
    expect(errors).toEqual([]);
  });

  it('a wrong password shows an error and stays on the sign-in page', async () => {
    const page = await browser.newPage();
    await signIn(page, 'manager@wilmslow.demo', 'not-the-password');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/email or password is not correct/i);
    expect(page.url()).toContain('/sign-in');
  });

  it('signing out returns to the sign-in page', async () => {
    const page = await browser.newPage();
    await signIn(page, 'staff@wilmslow.demo');
    await page.waitForURL(`${appUrl()}/`);
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL(/\/sign-in/);
  });
});
