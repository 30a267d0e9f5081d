import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { Wizard } from './Wizard.ts';

export interface OpenOptions {
  width?: number;
  /** The browser's language (the app follows it). @default en-GB */
  locale?: string;
  path?: string;
  colorScheme?: 'light' | 'dark';
}

/** Matches once React has rendered the page: the prerendered start page carries `data-start-shell`. */
export const appTookOver = '#root > .id-app:not([data-start-shell])';

/** A fresh browser context (empty localStorage) on the built app; any page error fails the test. */
export async function openApp(browser: Browser, name: string, options: OpenOptions = {}): Promise<{ wizard: Wizard; page: Page; context: BrowserContext }> {
  const baseURL = inject('baseURL');
  const context = await browser.newContext({
    baseURL,
    locale: options.locale ?? 'en-GB',
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const wizard = new Wizard(page, name, errors);
  await page.goto(options.path ?? '/');
  // The start page is prerendered and usable before the app runs (tests/e2e/startShell.e2e.ts
  // covers that); these specs test the app, so they begin once React has taken over.
  await page.locator(appTookOver).waitFor({ state: 'attached', timeout: 15_000 });
  return { wizard, page, context };
}

/** From the start page: type the address and start the main check. */
export async function startWith(wizard: Wizard, email: string): Promise<void> {
  await wizard.expectStep('Someone did not get their invitation?');
  await wizard.page.getByLabel('Their email address').fill(email);
  await wizard.press('Start the check');
}
