import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The flags the e2e tests use too: headless, quiet, no background traffic or first-run UI. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium (`CHROME_PATH`, else Debian's); throws, saying how to fix it, when absent. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: the startup and step-transition benchmarks need a real browser. ` +
        'Install Debian\'s with `apt-get install -y chromium`, or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  }
  return chromium.launch({ executablePath, args: chromiumArgs });
}
