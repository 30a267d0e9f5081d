import type { Browser, Page } from 'playwright-core';
import { median } from './stats.ts';

/** The scrolling list of the health view (InvitationList's row group). */
export const invitationListScrollSelector = '.id-health-scroll';

export interface GroupsPaintedResult {
  url: string;
  runs: number[];
  /** Median of `performance.measure('invite-health:data' → 'invite-health:painted')`, ms. */
  medianMs: number;
  rows: number | null;
}

export interface ScrollResult {
  url: string;
  rows: number | null;
  /** Time from scroll start to the bottom, ms (≈ `durationMs`). */
  scrolledMs: number;
  frames: number;
  /** The longest gap between two animation frames while scrolling, ms. */
  maxFrameMs: number;
  /** Frames longer than {@link droppedFrameMs}. */
  droppedFrames: number;
  /** Rows the virtual list had in the page at most (it should stay small). */
  maxRenderedRows: number;
  /**
   * The page's first scroll, before the one measured above: it pays one-time costs (the row
   * components' first renders, the JIT) in a frame or two. The figures above are a second pass
   * from the top, as a person scrolls a list they have already scrolled.
   */
  first?: Omit<ScrollResult, 'url' | 'first'>;
}

/** A frame longer than this counts as dropped (three 60 Hz frames, RAIL's "jank"). */
export const droppedFrameMs = 50;

async function openPage(browser: Browser, url: string, timeoutMs: number): Promise<{ tab: Page; close(): Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(url, { waitUntil: 'commit' });
  await tab
    .waitForFunction(() => performance.getEntriesByName('invite-health:painted').length > 0, undefined, { timeout: timeoutMs, polling: 50 })
    .catch((error: Error) => {
      throw new Error(`${url}: no 'invite-health:painted' mark within ${timeoutMs / 1000} s (${errors.join('; ') || error.message.split('\n')[0]})`);
    });
  return { tab, errors, close: () => context.close() };
}

/**
 * "First groups painted after the data arrives": opens `url` (the built app's `/invitations`) in a
 * fresh context `runs` times and reads `performance.measure` between the health view's marks
 * `invite-health:data` (the last evidence is in) and `invite-health:painted` (the frame after the
 * groups rendered). The first of each mark counts: a later reload is not a first paint.
 */
export async function measureGroupsPainted(browser: Browser, url: string, runs: number, timeoutMs = 60_000): Promise<GroupsPaintedResult> {
  const samples: number[] = [];
  let rows: number | null = null;
  for (let run = 0; run < runs; run++) {
    const { tab, close } = await openPage(browser, url, timeoutMs);
    try {
      const measured = await tab.evaluate(() => {
        const data = performance.getEntriesByName('invite-health:data')[0];
        const painted = performance.getEntriesByName('invite-health:painted')[0];
        if (!data || !painted) return null;
        const measure = performance.measure('invite-health:first-groups', { start: data.startTime, end: painted.startTime });
        const count = document.querySelector('[role="table"][aria-rowcount]')?.getAttribute('aria-rowcount');
        return { ms: measure.duration, rows: count ? Number(count) - 1 : null };
      });
      if (!measured) throw new Error(`${url}: the 'invite-health:data' mark is missing`);
      samples.push(measured.ms);
      rows = measured.rows;
    } finally {
      await close();
    }
  }
  return { url, runs: samples, medianMs: median(samples), rows };
}

/**
 * Scrolls the virtualised list of `url` from top to bottom over `durationMs`, twice (see `first`), setting its
 * scrollTop on every animation frame (a steady programmatic scroll, as a fast flick would), and
 * records the gaps between frames: the longest, and how many exceed {@link droppedFrameMs}.
 */
export async function measureListScroll(browser: Browser, url: string, durationMs = 2_000, timeoutMs = 120_000): Promise<ScrollResult> {
  const { tab, close, errors } = await openPage(browser, url, timeoutMs);
  try {
    await tab.waitForSelector(invitationListScrollSelector, { state: 'attached', timeout: timeoutMs });
    // What follows the first paint (the charts' chunk, their drawing) is not scrolling: wait until
    // the page is quiet (10 frames in a row under 34 ms, at most 60 s) before the clock starts.
    await tab.evaluate(settleScript);
    const first = (await tab.evaluate(scrollScript(invitationListScrollSelector, durationMs, droppedFrameMs))) as Omit<ScrollResult, 'url'>;
    await tab.evaluate(`document.querySelector(${JSON.stringify(invitationListScrollSelector)}).scrollTop = 0`);
    await tab.evaluate(settleScript);
    const result = (await tab.evaluate(scrollScript(invitationListScrollSelector, durationMs, droppedFrameMs))) as Omit<ScrollResult, 'url'>;
    if (errors.length > 0) throw new Error(`${url}: page errors while scrolling: ${errors.join('; ')}`);
    return { url, ...result, first };
  } finally {
    await close();
  }
}

// Page-side code as plain JS source, not functions: tsx's transform would add helpers (`__name`)
// the page does not have (as in measureStartup's probe).
const settleScript = `new Promise((resolve) => {
  const started = performance.now();
  let quiet = 0;
  let last = started;
  const frame = (time) => {
    quiet = time - last < 34 ? quiet + 1 : 0;
    last = time;
    if (quiet >= 10 || time - started > 60000) resolve();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

function scrollScript(selector: string, duration: number, dropped: number): string {
  return `new Promise((resolve, reject) => {
  const list = document.querySelector(${JSON.stringify(selector)});
  if (!(list instanceof HTMLElement)) return reject(new Error('no ${selector}'));
  const end = list.scrollHeight - list.clientHeight;
  if (end <= 0) return reject(new Error('${selector} does not scroll (scrollHeight ' + list.scrollHeight + ', clientHeight ' + list.clientHeight + ')'));
  const count = document.querySelector('[role="table"][aria-rowcount]')?.getAttribute('aria-rowcount');
  const gaps = [];
  let maxRendered = 0;
  let start = 0;
  let last = 0;
  const frame = (time) => {
    if (start === 0) {
      start = time;
      last = time;
    } else {
      gaps.push(time - last);
      last = time;
    }
    maxRendered = Math.max(maxRendered, list.querySelectorAll('[role="row"]').length);
    const progress = Math.min(1, (time - start) / ${duration});
    list.scrollTop = progress * end;
    if (progress < 1) requestAnimationFrame(frame);
    // One more frame paints the last position.
    else requestAnimationFrame((final) => {
      gaps.push(final - last);
      resolve({
        rows: count ? Number(count) - 1 : null,
        scrolledMs: final - start,
        frames: gaps.length,
        maxFrameMs: Math.max(...gaps),
        droppedFrames: gaps.filter((gap) => gap > ${dropped}).length,
        maxRenderedRows: maxRendered,
      });
    });
  };
  requestAnimationFrame(frame);
})`;
}

/**
 * What the start page fetched by the time it had settled (its field usable, the network quiet):
 * the paths, to check that neither the invite-health page nor chart.js is among them.
 */
export async function startPageFetches(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  try {
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'networkidle' });
    await tab.waitForSelector('#root > .id-app:not([data-start-shell]) #start-email', { timeout: 20_000 });
    await tab.waitForTimeout(500);
    return await tab.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  } finally {
    await context.close();
  }
}
