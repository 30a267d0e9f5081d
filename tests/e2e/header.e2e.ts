import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { appTookOver, openApp } from './support/openApp.ts';

const shotsDir = resolve(import.meta.dirname, '../../test-results/e2e');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(shotsDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const phones = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;
/** About a tenth of the screen: 10 % and a few pixels of slack (a border, rounding). */
const phoneBudget = (height: number) => height * 0.1 + 4;

async function headerHeight(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const box = await page.locator('header.id-header').boundingBox();
  if (!box) throw new Error('no header');
  return box.height;
}

describe('the app header', () => {
  it.each([
    ['en', 'en-GB', 'Menu'],
    ['de', 'de-DE', 'Menü'],
  ] as const)('%s: takes about a tenth of a phone screen at most, and one row on a desktop', async (language, locale, menuName) => {
    const { wizard, page, context } = await openApp(browser, `header-${language}`, { locale });
    for (const viewport of [...phones, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      const height = await headerHeight(page);
      console.log(`header height ${language} ${viewport.width}×${viewport.height}: ${height} px (${((height / viewport.height) * 100).toFixed(1)} %)`);
      if (viewport.width < 640) expect(height, `${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(phoneBudget(viewport.height));
      else expect(height, 'one row on a desktop').toBeLessThanOrEqual(80);
      const menu = page.getByRole('button', { name: menuName });
      expect(await menu.isVisible(), `the menu button at ${viewport.width}`).toBe(viewport.width < 640);
      expect(await page.getByRole('navigation').isVisible(), `the navigation at ${viewport.width}`).toBe(viewport.width >= 640);
      await page.screenshot({ path: resolve(shotsDir, `header-${language}-${viewport.width}.png`) });
    }
    await wizard.axe(`header at 1280 (${language})`);
    await context.close();
  });

  it('opens its menu from the keyboard, moves on into it, and closes with Escape back on the button', async () => {
    const { wizard, page, context } = await openApp(browser, 'header-menu', { width: 360 });
    await page.setViewportSize(phones[0]);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const controlled = await menu.getAttribute('aria-controls');
    expect(await page.locator(`#${controlled}`).isVisible()).toBe(true);
    // The first control in the menu takes the focus; Tab goes on through it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start');
    await wizard.axe('header menu open at 360');
    await page.screenshot({ path: resolve(shotsDir, 'header-en-360-menu.png') });
    expect(await page.getByLabel('Language').isVisible()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Agent mode' }).isVisible()).toBe(true);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe(controlled);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);

    // A link followed closes the menu; the page it opens has the focus, not a hidden link.
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').getByRole('link', { name: 'Recent sessions' }).click();
    await page.waitForURL(/\/sessions$/);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await wizard.axe('sessions at 360, menu closed');
    await context.close();
  });

  it('is as small in the prerendered start page, before the app runs, and stays put when the app takes over', async () => {
    const context = await browser.newContext({ baseURL: inject('baseURL'), locale: 'de-DE', viewport: phones[0] });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/assets\/.+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto('/', { waitUntil: 'commit' });
    await page.locator('[data-start-shell] header').waitFor();
    const shellHeight = await headerHeight(page);
    expect(shellHeight).toBeLessThanOrEqual(phoneBudget(phones[0].height));
    // Until the app runs the menu button, like the other app-only controls, does nothing.
    expect(await page.locator('[data-start-shell] header button').evaluate((button) => (button as HTMLButtonElement).inert)).toBe(true);
    await page.screenshot({ path: resolve(shotsDir, 'header-de-360-shell.png') });
    release();
    await page.locator(appTookOver).waitFor({ state: 'attached' });
    expect(await headerHeight(page)).toBe(shellHeight);
    await context.close();
  });
});
