import { chromium, type Browser } from 'playwright-core';
import { watchStorage } from './assertNoSecretsInStorage.ts';
import { chromiumPath } from './chromiumPath.ts';

/**
 * Headless Debian Chromium, quiet: no background network, no updates, no first-run UI. Its
 * contexts are watched so that no test leaves a secret in localStorage (assertNoSecretsInStorage).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return watchStorage(browser);
}
