import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoSecretsInStorage } from './support/assertNoSecretsInStorage.ts';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp } from './support/openApp.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The check that runs after every e2e test (checkStorageAfterEachTest.ts) reads the real browser:
// a planted secret fails it, whether the context is still open or was closed by the test.
describe('the localStorage secret check after each e2e test', () => {
  const planted = 'https://app.example.com/invite/q3Xv9kL0aBcDeFgHiJkLmNoPqRsTuVwX';

  it('finds a planted invite link in an open context, and passes once it is gone', async () => {
    const { page, context } = await openApp(browser, 'storage-check-open');
    await page.evaluate((link) => localStorage.setItem('invite-doctor:session:planted', JSON.stringify({ notes: [link] })), planted);
    await expect(assertNoSecretsInStorage()).rejects.toThrow(/invite-link in localStorage "invite-doctor:session:planted"/);
    await page.evaluate(() => localStorage.removeItem('invite-doctor:session:planted'));
    await expect(assertNoSecretsInStorage()).resolves.toBeUndefined();
    await context.close();
  });

  it('reads a context that the test closed itself, just before it closed', async () => {
    const { page, context } = await openApp(browser, 'storage-check-closed');
    await page.evaluate(() => localStorage.setItem('invite-doctor:settings', 'idk_plantedKeyForTheCheck'));
    await context.close();
    await expect(assertNoSecretsInStorage()).rejects.toThrow(/api-key in localStorage "invite-doctor:settings"/);
  });
});
