import type { Browser } from 'playwright-core';
import { appUrl, launchBrowser, watchErrors } from './support/browser';

describe('smoke: the console renders in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('serves the console at / and its client-side routes, without errors', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(`${appUrl()}/`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('text=Parley');
    expect(await page.title()).toMatch(/Parley/);
    // A deep link is answered by the same process with the console, which routes it.
    const deep = await page.goto(`${appUrl()}/sign-in`);
    expect(deep?.status()).toBe(200);
    await page.waitForSelector('form');
    expect(errors).toEqual([]);
  });

  it('answers /health and /graphql from the same process', async () => {
    expect((await fetch(`${appUrl()}/health`)).status).toBe(200);
    const gql = await fetch(`${appUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await gql.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
