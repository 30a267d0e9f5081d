import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp } from './support/openApp.ts';
import { startWidgetSite, type WidgetSite } from './support/widgetSite.ts';
import { WidgetPage } from './support/widgetPage.ts';
import type { Wizard } from './support/Wizard.ts';

// Arabic, right to left: on each page the direction is in force, axe is clean, nothing is wider
// than a 360 px screen, and the layout is mirrored (checked by where things are, not by their
// names). Texts come from locales/ar where they exist, English otherwise, so the spec runs
// whatever the state of the translation. Screenshots: test-results/e2e/rtl-<page>-<width>.png.

let browser: Browser;
let site: WidgetSite;
beforeAll(async () => {
  site = await startWidgetSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const localesDir = resolve(import.meta.dirname, '../../locales');
const shotsDir = resolve(import.meta.dirname, '../../test-results/e2e');

/** The Arabic text of a key (`app.start.title`), else the English one, as the app falls back. */
function arabic(key: string): string {
  const namespace = key.slice(0, key.indexOf('.'));
  for (const language of ['ar', 'en']) {
    const file = resolve(localesDir, language, `${namespace}.json`);
    if (!existsSync(file)) continue;
    const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), JSON.parse(readFileSync(file, 'utf8')));
    if (typeof value === 'string') return value;
  }
  throw new Error(`no text for ${key}`);
}

type Box = { left: number; right: number; top: number; bottom: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not laid out: ${locator.toString()}`);
  return { left: found.x, right: found.x + found.width, top: found.y, bottom: found.y + found.height };
}

/** `first` comes before `second` in reading order, so right to left it stands to its right. */
async function expectRightOf(first: Locator, second: Locator, what: string): Promise<void> {
  const [a, b] = [await box(first), await box(second)];
  expect(a.left, `${what}: ${JSON.stringify({ first: a, second: b })}`).toBeGreaterThanOrEqual(b.right - 1);
}

async function expectArabicPage(page: Page): Promise<void> {
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['ar', 'rtl', 'rtl']);
}

/** The page's first heading reads from the right: its text ends at its box's right edge, with room on its left. */
async function expectHeadingFromTheRight(page: Page): Promise<void> {
  const gaps = await page.evaluate(() => {
    const heading = document.querySelector('h1');
    if (!heading) return null;
    const range = document.createRange();
    range.selectNodeContents(heading);
    const text = range.getBoundingClientRect();
    const style = getComputedStyle(heading);
    const own = heading.getBoundingClientRect();
    return { right: own.right - parseFloat(style.paddingRight) - text.right, left: text.left - own.left - parseFloat(style.paddingLeft) };
  });
  expect(gaps).not.toBeNull();
  expect(Math.abs(gaps!.right), `heading gaps ${JSON.stringify(gaps)}`).toBeLessThan(2);
}

/** The header (at 1280 px): the brand at the right, the navigation and the language switcher to its left. */
async function expectHeaderMirrored(page: Page): Promise<void> {
  const header = page.locator('.id-header-inner');
  await expectRightOf(header.locator('.id-brand'), header.locator('nav'), 'brand right of the navigation');
  await expectRightOf(header.locator('nav'), header.locator('select'), 'navigation right of the language switcher');
}

/** At 360 px nothing sticks out sideways (right to left, overflow would run off the left edge). */
async function expectNoOverflowAt360(page: Page, label: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 360, height: 800 });
  // Polled: a chart redraws for the new width a little after the resize (chart.js throttles it).
  const measure = () => page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || (rect.left >= -1 && rect.right <= root.clientWidth + 1) || getComputedStyle(element).position === 'fixed') return false;
        // Inside its own scroll region (a wide table), it scrolls there; the region itself is checked.
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== 'visible') return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${Math.round(element.getBoundingClientRect().left)}…${Math.round(element.getBoundingClientRect().right)}`);
    return { extra: root.scrollWidth - root.clientWidth, wide };
  });
  await expect.poll(measure, { timeout: 15_000, message: `horizontal overflow at 360 px on ${label}` }).toEqual({ extra: 0, wide: [] });
  await page.setViewportSize(size);
}

/** The checks every app page gets, then its screenshots at 1280 and 360 px. */
async function checkPage(wizard: Wizard, label: string): Promise<void> {
  const { page } = wizard;
  await expectArabicPage(page);
  await expectHeaderMirrored(page);
  await expectHeadingFromTheRight(page);
  await wizard.axe(`${label} (ar)`);
  await expectNoOverflowAt360(page, label);
  await wizard.shotBoth(label);
}

async function startCheck(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: arabic('app.start.title') }).waitFor();
  await page.getByRole('textbox', { name: arabic('app.start.emailLabel') }).fill(email);
  await page.getByRole('button', { name: arabic('app.start.submit') }).click();
}

describe('Arabic, right to left', () => {
  it('the start page', async () => {
    const { wizard, page, context } = await openApp(browser, 'rtl', { locale: 'ar' });
    await wizard.expectStep(arabic('app.start.title'));
    // An address is typed left to right, in a field at the form's right edge.
    expect(await page.locator('#start-email').evaluate((input) => [getComputedStyle(input).direction, getComputedStyle(input).textAlign])).toEqual(['ltr', 'end']);
    await checkPage(wizard, 'start');
    await context.close();
  });

  it('a wizard step mid-check: back at the right, the primary action before the secondary one', async () => {
    const { wizard, page, context } = await openApp(browser, 'rtl', { locale: 'ar' });
    await startCheck(page, 'dan.active@example.com');
    // dan is active: the second answer (a forgotten password) leads to the reset's confirmation.
    await page.getByRole('radio').nth(1).check();
    await page.locator('.id-runner form button[type=submit]').click();
    const secondary = page.locator('.id-actions .id-button--secondary');
    await secondary.waitFor();
    const back = page.getByRole('button', { name: arabic('app.nav.back'), exact: true }).first();
    expect(await back.isEnabled()).toBe(true);
    await expectRightOf(back, page.locator('.id-runner-tools'), 'back right of restart and the map');
    await expectRightOf(page.locator('.id-actions .id-button:not(.id-button--secondary)').first(), secondary, 'the confirmation right of its way out');
    // The progress bar fills from the right.
    const [track, fill] = [await box(page.locator('.id-progress-track')), await box(page.locator('.id-progress-fill'))];
    expect(track.right - fill.right).toBeLessThan(2);
    expect(fill.left - track.left).toBeGreaterThan(2);
    await checkPage(wizard, 'step');
    await context.close();
  });

  it('agent mode: the call’s main column at the right, its side column at the left', async () => {
    const { wizard, page, context } = await openApp(browser, 'rtl', { locale: 'ar' });
    await page.getByRole('heading', { level: 1, name: arabic('app.start.title') }).waitFor();
    await page.locator('input[role=switch]').check();
    await page.locator('#start-email').fill('dan.active@example.com');
    await page.locator('#start-email').press('Enter');
    await page.locator('.id-agent-step').getByRole('radio').first().waitFor();
    await expectRightOf(page.locator('.id-agent-main'), page.locator('.id-agent-side'), 'main column right of the side column');
    await checkPage(wizard, 'agent');
    await context.close();
  });

  it('the invitations page', async () => {
    const { wizard, page, context } = await openApp(browser, 'rtl', { locale: 'ar', path: '/invitations?latency=0' });
    await wizard.expectStep(arabic('invitations.title'));
    await page.getByRole('region', { name: arabic('invitations.totals.title') }).waitFor({ timeout: 60_000 });
    // Addresses in the list keep their own direction: a long one loses its end to the ellipsis, not its beginning.
    expect(await page.locator('.id-health-open').first().evaluate((button) => getComputedStyle(button).direction)).toBe('ltr');
    await checkPage(wizard, 'invitations');
    await context.close();
  });

  it('the widget demo: its shadow root reads right to left, the host page keeps its own direction', async () => {
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/host.html?lang=ar`);
    const { page } = widget;
    await page.getByRole('button', { name: 'Check invite for Dan Evans' }).click();
    const dialog = page.getByRole('dialog', { name: arabic('widget.title') });
    widget.within = dialog;
    await dialog.getByRole('radio').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('dir'))).toBeNull();
    expect(await page.locator('invite-doctor .id-widget').evaluate((element) => [element.getAttribute('dir'), element.getAttribute('lang'), getComputedStyle(element).direction])).toEqual(['rtl', 'ar', 'rtl']);
    // The dialog's title bar: the name at the right, the close button at the left.
    await expectRightOf(dialog.locator('.idw-title'), dialog.locator('.idw-close'), 'widget title right of its close button');
    await widget.axeWidget('widget dialog (ar)');
    await mkdir(shotsDir, { recursive: true });
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 800 }]) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const panel = await box(dialog);
      expect(panel.left, `the panel fits ${viewport.width} px`).toBeGreaterThanOrEqual(0);
      expect(panel.right).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: resolve(shotsDir, `rtl-widget-${viewport.width}.png`) });
    }
    await widget.close();
  });
});
