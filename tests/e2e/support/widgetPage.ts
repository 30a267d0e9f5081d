import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const shotsDir = resolve(import.meta.dirname, '../../../test-results');

/**
 * A page with the widget on it, driven by roles and labels. Playwright's locators pierce open
 * shadow roots, so `within` (the page, a frame, or the dialog) reaches into the widget.
 */
export class WidgetPage {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    /** Uncaught errors in the page (or its frames): any of them fails a step check. */
    readonly errors: Error[],
    public within: Page | FrameLocator | Locator,
  ) {}

  static async open(browser: Browser, url: string, options: { locale?: string; width?: number } = {}): Promise<WidgetPage> {
    const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(url);
    return new WidgetPage(page, context, errors, page);
  }

  /** Waits for the step heading, then checks that nothing failed. */
  async expectStep(heading: string | RegExp): Promise<void> {
    await this.within.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible', timeout: 15_000 });
    expect(this.errors.map((error) => error.message), 'errors in the page').toEqual([]);
  }

  async choose(option: string | RegExp, continueLabel: string | RegExp = /^(Continue|Weiter|Fortsätt)$/): Promise<void> {
    await this.within.getByRole('radio', { name: option }).check();
    await this.within.getByRole('button', { name: continueLabel }).click();
  }

  async press(button: string | RegExp): Promise<void> {
    await this.within.getByRole('button', { name: button }).click();
  }

  /** axe (WCAG 2.2 A/AA) on the widget only: `<invite-doctor>` and everything in its shadow root. */
  async axeWidget(label: string, frame?: string): Promise<void> {
    const builder = new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
    const results = await (frame ? builder.include([frame, 'invite-doctor']) : builder.include('invite-doctor')).analyze();
    const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(violations, `axe on "${label}"`).toEqual([]);
    expect(results.passes.length, `axe checked something on "${label}"`).toBeGreaterThan(0);
  }

  /** `test-results/widget-<name>.png`, of the page or of one element. */
  async shot(name: string, element?: Locator): Promise<Buffer> {
    await mkdir(shotsDir, { recursive: true });
    const path = resolve(shotsDir, `widget-${name}.png`);
    return element ? element.screenshot({ path, animations: 'disabled' }) : this.page.screenshot({ path, animations: 'disabled' });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
