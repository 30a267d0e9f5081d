import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp, startWith } from './support/openApp.ts';
import type { Wizard } from './support/Wizard.ts';

/**
 * The flow map opened in the middle of a check (ana, at "look in junk and spam"): the current
 * step marked and in view, the arrow keys, the outline by keyboard, axe, and screenshots at 1280
 * and 360 px in English, Arabic (right to left) and Japanese. Controls are found by role and by
 * structure (aria-controls, aria-current), not by English names, so one script serves the three.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const mapToggle = 'button[aria-controls="id-flow-map"]';

/** Opens the map and waits for its picture; returns the viewport (the keyboard's stop). */
async function openMap(page: Page) {
  await page.locator(mapToggle).click();
  const view = page.getByRole('application');
  await view.waitFor();
  await page.locator('.id-map-svg[role="img"]').waitFor();
  return view;
}

/** The current step is drawn once, marked, and lies inside the map's viewport. */
async function expectCurrentInView(page: Page) {
  const current = page.locator('.id-map-svg [aria-current="step"]');
  expect(await current.count()).toBe(1);
  expect(await page.locator('.id-map-here').isVisible()).toBe(true);
  const box = await current.locator('.id-map-box').boundingBox();
  const view = await page.locator('.id-map-view').boundingBox();
  if (!box || !view) throw new Error('the map or its current step has no box');
  expect(box.x).toBeGreaterThanOrEqual(view.x);
  expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
  expect(box.y).toBeGreaterThanOrEqual(view.y);
  expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
}

async function atSpamStep(language: 'en' | 'ar' | 'ja'): Promise<{ wizard: Wizard; page: Page; close(): Promise<void> }> {
  const { wizard, page, context } = await openApp(browser, `flow-map-${language}`);
  await startWith(wizard, 'ana.invited@example.com');
  await wizard.expectStep('Ask them to look in junk and spam');
  if (language !== 'en') {
    await page.locator('select:has(option[value="ar"])').first().selectOption(language);
    await page.waitForFunction((code) => document.documentElement.lang === code, language);
  }
  return { wizard, page, close: () => context.close() };
}

describe('the flow map', () => {
  it('opened mid-check marks the current step in view; arrow keys move along the graph; the outline works by keyboard; axe is clean', async () => {
    const { wizard, page, close } = await atSpamStep('en');
    const view = await openMap(page);
    await expectCurrentInView(page);
    expect(await page.getByText('You are here').first().isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /^Decision tree with \d+ steps/ }).count()).toBe(1);
    await wizard.axe('flow map');
    await wizard.shot('picture');

    // Keyboard: Tab reaches the map; up goes to the step before (on the path), down comes back.
    await page.getByRole('button', { name: 'Fit to screen' }).focus();
    await page.keyboard.press('Tab');
    expect(await view.evaluate((element) => element === document.activeElement)).toBe(true);
    const focused = () => page.locator('.id-map-node--focused').getAttribute('data-step');
    expect(await focused()).toBe('checkSpam');
    expect(await page.locator('.id-map-node--focused .id-map-focus').isVisible()).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).not.toBe('checkSpam');
    const live = page.locator('.id-map [aria-live="polite"]');
    expect(await live.textContent()).toMatch(/, visited$/);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('checkSpam');
    expect(await live.textContent()).toMatch(/spam, You are here$/);
    const scale = Number(await view.getAttribute('data-scale'));
    await page.keyboard.press('-');
    expect(Number(await view.getAttribute('data-scale'))).toBeLessThan(scale);
    await page.getByRole('button', { name: 'Fit to screen' }).click();

    // The outline: Tab on from the map to its summary, Enter opens it.
    await view.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    const here = page.locator('.id-map-outline li[aria-current="step"]');
    await here.waitFor();
    expect(await here.textContent()).toMatch(/Ask them to look in junk and spam.*You are here/);
    expect(await page.locator('.id-map-outline').textContent()).toContain('Looking up ana.invited@example.com');
    await wizard.axe('flow map with its outline');
    await wizard.shot('outline');

    // At 360 px: the map reopened fits the phone, the current step again in view.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator(mapToggle).click();
    await openMap(page);
    await expectCurrentInView(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await wizard.axe('flow map at 360');
    await page.locator('.id-map').scrollIntoViewIfNeeded();
    await wizard.shot('picture');
    await close();
  });

  for (const language of ['ar', 'ja'] as const) {
    it(`reads in ${language === 'ar' ? 'Arabic, right to left, mirrored' : 'Japanese'}, at 1280 and 360 px, axe clean`, async () => {
      const { wizard, page, close } = await atSpamStep(language);
      await openMap(page);
      await expectCurrentInView(page);
      if (language === 'ar') {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        // Mirrored: the zoom buttons start at the right.
        const tools = await page.locator('.id-map-tools').boundingBox();
        const first = await page.locator('.id-map-tool').first().boundingBox();
        if (!tools || !first) throw new Error('no map tools');
        expect(first.x + first.width).toBeGreaterThan(tools.x + tools.width - 8);
      }
      await wizard.axe(`flow map in ${language}`);
      await wizard.shot('picture');
      await page.locator('.id-map-outline > summary').click();
      await page.locator('.id-map-outline li[aria-current="step"]').waitFor();
      await wizard.axe(`flow map outline in ${language}`);

      await page.setViewportSize({ width: 360, height: 800 });
      await page.locator('.id-map-outline > summary').click();
      await page.locator(mapToggle).click();
      await openMap(page);
      await expectCurrentInView(page);
      await wizard.axe(`flow map in ${language} at 360`);
      await page.locator('.id-map').scrollIntoViewIfNeeded();
      await wizard.shot('picture');
      await close();
    });
  }
});
