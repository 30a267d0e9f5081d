import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { appTookOver } from './support/openApp.ts';
import { Wizard } from './support/Wizard.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const shellField = '[data-start-shell] #start-email';

/**
 * A context whose JavaScript is held back until `release()`: what a person on a slow line sees
 * while the app loads. The HTML and CSS come through at once.
 */
async function openWithScriptsHeld(name: string, options: { locale?: string; settings?: object } = {}): Promise<{ page: Page; context: BrowserContext; wizard: Wizard; release(): void }> {
  const context = await browser.newContext({ baseURL: inject('baseURL'), locale: options.locale ?? 'en-GB', viewport: { width: 1280, height: 900 } });
  if (options.settings) {
    await context.addInitScript((settings) => localStorage.setItem('invite-doctor:settings', JSON.stringify({ state: settings, version: 1 })), options.settings);
  }
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/assets\/.+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto('/', { waitUntil: 'commit' });
  await page.locator(shellField).waitFor();
  return { page, context, wizard: new Wizard(page, name, errors), release };
}

describe('the prerendered start page', () => {
  it('takes typing before the app has loaded, and the app carries on with the text, the focus and the caret', async () => {
    const { page, context, wizard, release } = await openWithScriptsHeld('shell-typing');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Someone did not get their invitation?');
    expect(await page.title()).toBe('Someone did not get their invitation? – Invite Doctor');
    // Controls that need the app do nothing yet rather than something that is then lost.
    expect(await page.locator('[data-start-shell] select').evaluateAll((selects) => selects.every((select) => (select as HTMLSelectElement).inert && select.hasAttribute('inert')))).toBe(true);
    await wizard.axe('prerendered start page');
    await wizard.shot('before-app');
    const before = await page.locator(shellField).boundingBox();

    await page.locator(shellField).click();
    await page.keyboard.type('ana.invited@exa');
    release();
    await page.locator(appTookOver).waitFor({ state: 'attached' });
    const field = page.locator('#start-email');
    expect(await field.inputValue()).toBe('ana.invited@exa');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start-email');
    expect(await field.boundingBox(), 'the field stays where it was (no layout shift)').toEqual(before);

    await page.keyboard.type('mple.com');
    expect(await field.inputValue()).toBe('ana.invited@example.com');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Ask them to look in junk and spam');
    await context.close();
  });

  it('submits as a plain form before the app has loaded; the app then starts the check, or shows what is wrong', async () => {
    const { page, context, wizard, release } = await openWithScriptsHeld('shell-submit');
    await page.locator(shellField).fill('ana.invited@example.com');
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.waitForURL((url) => url.searchParams.get('email') === 'ana.invited@example.com', { waitUntil: 'commit' });
    release();
    await wizard.expectStep('Ask them to look in junk and spam');
    expect(new URL(page.url()).pathname).toMatch(/^\/flows\/invite-not-received\/steps\//);

    await page.goto('/?email=ana.invited%40example');
    await wizard.expectStep('Someone did not get their invitation?');
    expect(await page.locator('#start-email').inputValue()).toBe('ana.invited@example');
    await page.locator('#start-email-error').waitFor();
    await page.waitForURL((url) => url.search === '');
    await context.close();
  });

  it("is in the person's language and theme from the first paint", async () => {
    const { page, context, wizard, release } = await openWithScriptsHeld('shell-german', { locale: 'de-DE', settings: { theme: 'dark', locale: null, agentMode: true, recentSessions: [] } });
    const shellHeading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.locator('[data-start-shell]').getAttribute('data-theme')).toBe('dark');
    expect(await page.getByRole('switch').isChecked()).toBe(true);
    await wizard.axe('prerendered start page, German, dark');
    await wizard.shot('before-app');
    release();
    await page.locator(appTookOver).waitFor({ state: 'attached' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(shellHeading);
    expect(await page.locator(appTookOver).getAttribute('data-theme')).toBe('dark');
    await context.close();
  });

  it('is not shown where the app has another page to show', async () => {
    const context = await browser.newContext({ baseURL: inject('baseURL') });
    await context.route(/\/assets\/.+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    for (const path of ['/sessions', '/flows/invite-not-received', '/?latency=0']) {
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      expect(await page.locator('#root').innerHTML(), path).toBe('');
    }
    await context.close();
  });
});
