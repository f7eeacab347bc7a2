import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded one. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function appUrl(): string {
  const url = process.env['PARLEY_E2E_URL'];
  if (!url) throw new Error('PARLEY_E2E_URL is not set: run through `npm run e2e`');
  return url;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Collects uncaught page errors and console errors, which a healthy page has none of. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

export async function signIn(
  page: Page,
  email: string,
  password = 'parley-demo-password',
): Promise<void> {
  await page.goto(`${appUrl()}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}
