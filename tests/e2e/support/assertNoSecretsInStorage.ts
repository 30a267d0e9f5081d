import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findSecretsInStorage, type StorageEntry, type StorageFinding } from './findSecretsInStorage.ts';

/**
 * Fails the current test when any browser context it used left a secret in localStorage (see
 * findSecretsInStorage). Registered for every e2e test by checkStorageAfterEachTest.ts. Contexts
 * that a test closed itself were read just before they closed (see {@link watchStorage}); those
 * still open are read now. The findings are cleared, so each test answers for its own contexts.
 */
export async function assertNoSecretsInStorage(): Promise<void> {
  for (const browser of browsers) for (const context of browser.contexts()) await readStorage(context);
  const found = findings.splice(0);
  if (found.length === 0) return;
  const lines = found.map((finding) => `- ${finding.kind} in localStorage "${finding.name}" of ${finding.origin}: ${finding.excerpt}`);
  throw new Error(`A secret was left in localStorage:\n${lines.join('\n')}`);
}

/**
 * Makes every context and page of `browser` read its localStorage (all origins it visited, via
 * `storageState()`) just before it closes, so a context a test closes itself is still checked.
 * Called by launchBrowser for every browser the specs start.
 */
export function watchStorage(browser: Browser): Browser {
  browsers.add(browser);
  browser.on('disconnected', () => browsers.delete(browser));
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => readBeforeClose(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    // A page from `browser.newPage()` owns its context and closes it with itself.
    const page = readPageBeforeClose(await newPage(options));
    readBeforeClose(page.context());
    return page;
  };
  return browser;
}

/** A secret a test saw (a sign-in code, a key) that must not turn up in localStorage either. */
export function rememberSecret(secret: string): void {
  knownSecrets.add(secret);
}

const browsers = new Set<Browser>();
const knownSecrets = new Set<string>();
const findings: StorageFinding[] = [];

function readBeforeClose(context: BrowserContext): BrowserContext {
  const close = context.close.bind(context);
  context.close = async (options) => {
    await readStorage(context);
    return close(options);
  };
  return context;
}

function readPageBeforeClose(page: Page): Page {
  const close = page.close.bind(page);
  page.close = async (options) => {
    await readStorage(page.context());
    return close(options);
  };
  return page;
}

async function readStorage(context: BrowserContext): Promise<void> {
  let entries: StorageEntry[];
  try {
    const state = await context.storageState();
    entries = state.origins.flatMap(({ origin, localStorage }) => localStorage.map(({ name, value }) => ({ origin, name, value })));
  } catch {
    return; // Already closed (with its browser): it was read when it closed, or never held a page.
  }
  findings.push(...findSecretsInStorage(entries, knownSecrets));
}
