import type { Browser, BrowserContext } from 'playwright-core';
import { median } from './stats.ts';

export interface StartupPage {
  label: string;
  url: string;
  /** What counts as the first interactive step on this page. @default the `selector` given to {@link measureStartup} */
  selector?: string;
  /** A loading placeholder (e.g. a Suspense fallback) whose first appearance is recorded too. */
  fallbackSelector?: string;
}

export interface StartupRun {
  /** performance.now() (ms since navigation start) when the field was first in the DOM, laid out and enabled. */
  seenMs: number;
  /** The requestAnimationFrame right after: the frame that paints it. The figure the bench reports. */
  readyMs: number;
  /** Resources the page had requested by then (path only). */
  resources: string[];
  /** When the page's `fallbackSelector` first appeared, if it has one and it did. */
  fallbackMs: number | null;
}

export interface StartupResult {
  label: string;
  runs: StartupRun[];
  medianMs: number;
  medianSeenMs: number;
  /** Median of readyMs − fallbackMs over the runs that showed the fallback (null: none did). */
  medianFallbackToReadyMs: number | null;
}

declare global {
  interface Window {
    __benchReady?: Promise<{ seen: number; ready: number; resources: string[]; fallback: number | null }>;
  }
}

/**
 * Installed before any of the page's scripts: resolves when `selector` is in the document, enabled
 * and visible (it has a layout box and is not hidden, e.g. by a Suspense boundary), then waits
 * one requestAnimationFrame. Times are performance.now(), i.e. ms since navigation start.
 * Plain JS source, not a function: tsx's transform would add helpers the page does not have.
 */
export function readyProbeScript(selector: string, fallbackSelector?: string): string {
  return `window.__benchReady = new Promise((resolve) => {
  const selector = ${JSON.stringify(selector)};
  const fallbackSelector = ${JSON.stringify(fallbackSelector ?? null)};
  let fallback = null;
  const ready = () => {
    const element = document.querySelector(selector);
    return !!element && !element.disabled && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  };
  const observer = new MutationObserver(() => {
    if (fallback === null && fallbackSelector && document.querySelector(fallbackSelector)) fallback = performance.now();
    if (!ready()) return;
    observer.disconnect();
    const seen = performance.now();
    requestAnimationFrame(() => {
      const resources = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
      resolve({ seen, ready: performance.now(), resources, fallback });
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'style', 'class'] });
});`;
}

async function runOnce(browser: Browser, page: StartupPage, selector: string): Promise<StartupRun> {
  // A fresh context per run: empty HTTP cache, storage and code cache, as on a first visit.
  const context: BrowserContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: readyProbeScript(selector, page.fallbackSelector) });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(page.url, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      tab.evaluate('window.__benchReady') as Promise<Awaited<Window['__benchReady']>>,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${page.label}: ${selector} not ready within 20 s (${errors.join('; ') || 'no page errors'})`)), 20_000);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!result) throw new Error(`${page.label}: the ready probe did not run`);
    return { seenMs: result.seen, readyMs: result.ready, resources: result.resources, fallbackMs: result.fallback };
  } finally {
    await context.close();
  }
}

/**
 * Navigation start → first interactive step (`selector` visible and enabled, plus one frame),
 * for each page, `runs` times in a fresh browser context each, pages interleaved (the order
 * alternating) so drift affects both alike; one discarded warm-up run per page first.
 */
export async function measureStartup(browser: Browser, pages: readonly StartupPage[], runs: number, selector = '#start-email'): Promise<StartupResult[]> {
  for (const page of pages) await runOnce(browser, page, page.selector ?? selector);
  const samples = pages.map(() => [] as StartupRun[]);
  for (let run = 0; run < runs; run++) {
    const order = pages.map((_, index) => index);
    if (run % 2 === 1) order.reverse();
    for (const index of order) samples[index]?.push(await runOnce(browser, pages[index] as StartupPage, pages[index]?.selector ?? selector));
  }
  return pages.map((page, index) => {
    const list = samples[index] ?? [];
    const gaps = list.flatMap((run) => (run.fallbackMs === null ? [] : [run.readyMs - run.fallbackMs]));
    return {
      label: page.label,
      runs: list,
      medianMs: median(list.map((run) => run.readyMs)),
      medianSeenMs: median(list.map((run) => run.seenMs)),
      medianFallbackToReadyMs: gaps.length > 0 ? median(gaps) : null,
    };
  });
}
