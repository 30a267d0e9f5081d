import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from './buildWithProjectConfig.ts';
import { median, percentile } from './stats.ts';

export interface TransitionSample {
  from: string;
  to: string;
  via: 'continue' | 'back';
  /** Click event → new step's heading in the DOM. */
  domMs: number;
  /** Click event → the requestAnimationFrame after that: the frame that paints the new step. */
  paintMs: number;
}

export interface TransitionResult {
  email: string;
  url: string;
  samples: TransitionSample[];
  medianMs: number;
  p95Ms: number;
  medianDomMs: number;
}

/** One leg of the walk: from a question step to the next one, by Continue (with an option) or by Back. */
export interface Leg {
  from: string;
  to: string;
  via: 'continue' | 'back';
  /** The option chosen before Continue. */
  option?: string;
}

interface FlowFile {
  steps: Record<string, { kind: string; title?: string; options?: Array<{ id: string; next: string }> }>;
}

/** The text at a dotted key in a locale file (`flows.notReceived.checkSpam.title`). */
export function lookupText(texts: unknown, key: string): string | undefined {
  let node: unknown = texts;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * Forward along `path` (each step a question with an option leading to the next), then Back to
 * its start: the legs of one round trip, with the option each Continue needs.
 */
export function roundTrip(flow: FlowFile, path: readonly string[]): Leg[] {
  const forward: Leg[] = [];
  for (let index = 0; index + 1 < path.length; index++) {
    const from = path[index] as string;
    const to = path[index + 1] as string;
    const step = flow.steps[from];
    const option = step?.kind === 'question' ? step.options?.find((candidate) => candidate.next === to) : undefined;
    if (!option) throw new Error(`step "${from}" is not a question with an option leading to "${to}"`);
    if (flow.steps[to]?.kind !== 'question') throw new Error(`step "${to}" is not a question`);
    forward.push({ from, to, via: 'continue', option: option.id });
  }
  const back = [...forward].reverse().map((leg): Leg => ({ from: leg.to, to: leg.from, via: 'back' }));
  return [...forward, ...back];
}

declare global {
  interface Window {
    __benchTransition?: Promise<{ start: number; seen: number; painted: number }>;
  }
}

/**
 * In the page, before the click: the click's own timestamp (captured on window, before React
 * sees it) starts the clock; a MutationObserver stops it when the only h1 reads `heading`; one
 * requestAnimationFrame after that is "painted". Plain JS source (see readyProbeScript).
 */
export function armTransitionScript(heading: string): string {
  return `window.__benchTransition = new Promise((resolve, reject) => {
  const heading = ${JSON.stringify(heading)};
  let start = null;
  const check = () => {
    if (start === null) return;
    const h1 = document.querySelector('h1');
    if (!h1 || h1.textContent.trim() !== heading) return;
    observer.disconnect();
    clearTimeout(timer);
    const seen = performance.now();
    const begun = start;
    requestAnimationFrame(() => resolve({ start: begun, seen, painted: performance.now() }));
  };
  const onClick = (event) => {
    window.removeEventListener('click', onClick, true);
    const now = performance.now();
    start = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
    queueMicrotask(check);
  };
  window.addEventListener('click', onClick, true);
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const timer = setTimeout(() => reject(new Error('no h1 ' + JSON.stringify(heading) + ' within 10 s of the click')), 10000);
}); undefined;`;
}

async function waitForHeading(page: Page, heading: string): Promise<void> {
  await page.waitForFunction(`document.querySelector('h1')?.textContent?.trim() === ${JSON.stringify(heading)}`, undefined, { timeout: 20_000 });
}

/**
 * Step transitions of a real seeded flow on the demo backend without artificial latency
 * (`?latency=0`): start with `email` on the start page, walk to `path[0]`, then round trips along
 * `path` (Continue forward, Back back), `count` transitions in all, each timed inside the page.
 */
export async function measureTransitions(browser: Browser, baseUrl: string, options: { email: string; flowFile: string; path: readonly string[]; count: number }): Promise<TransitionResult> {
  const flow = JSON.parse(await readFile(path.join(projectRoot, 'flows', options.flowFile), 'utf8')) as FlowFile;
  const texts = JSON.parse(await readFile(path.join(projectRoot, 'locales', 'en', 'flows.json'), 'utf8')) as unknown;
  const headingOf = (stepId: string) => {
    const key = flow.steps[stepId]?.title;
    const text = key ? lookupText(texts, key) : undefined;
    if (!text) throw new Error(`no English title for step "${stepId}"`);
    return text;
  };
  const legs = roundTrip(flow, options.path);
  const url = `${baseUrl}/?latency=0`;
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.locator('#start-email').fill(options.email);
    await page.locator('form.id-start-form button[type="submit"]').click();
    await waitForHeading(page, headingOf(options.path[0] as string));

    const samples: TransitionSample[] = [];
    for (let index = 0; index < options.count; index++) {
      const leg = legs[index % legs.length] as Leg;
      if (leg.via === 'continue') await page.locator(`#${leg.from}-${leg.option}`).check();
      await page.evaluate(armTransitionScript(headingOf(leg.to)));
      await page.locator(leg.via === 'continue' ? 'form.id-step button[type="submit"]' : 'button.id-back').click();
      const timing = (await page.evaluate('window.__benchTransition')) as Awaited<Window['__benchTransition']>;
      if (!timing) throw new Error('transition probe did not run');
      samples.push({ from: leg.from, to: leg.to, via: leg.via, domMs: timing.seen - timing.start, paintMs: timing.painted - timing.start });
    }
    if (errors.length > 0) throw new Error(`errors in the page during the transitions: ${errors.join('; ')}`);
    const paint = samples.map((sample) => sample.paintMs);
    return { email: options.email, url, samples, medianMs: median(paint), p95Ms: percentile(paint, 95), medianDomMs: median(samples.map((sample) => sample.domMs)) };
  } finally {
    await context.close();
  }
}
