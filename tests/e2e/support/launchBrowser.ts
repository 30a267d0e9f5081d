import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './chromiumPath.ts';

/** Headless Debian Chromium, quiet: no background network, no updates, no first-run UI. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
