import type { Browser } from 'playwright-core';
import type { BuiltPage } from './buildWithProjectConfig.ts';
import { toKb } from './gzipSize.ts';
import { droppedFrameMs, measureGroupsPainted, measureListScroll, startPageFetches } from './measureInvitationsBrowser.ts';
import { measureInvitationsChunks } from './measureInvitationsChunks.ts';

type Verdict = { budget: string; figure: string; pass: boolean | null };

/** Budgets of the invite-health page (issue 15). */
export const invitationsBudgets = {
  /** `/invitations`'s own chunks over the start page, charts excluded (they load after the table) and
   * so are the chunks the wizard's page loads too (engine, registry, zod: reported, not budgeted). */
  pageGzipKb: 40,
  /** The charts over the start page and the page: chart.js's bar parts and three charts. */
  chartsGzipKb: 70,
  /** The data is in → the first groups are painted. */
  groupsPaintedMs: 1_000,
  /**
   * Frames over {@link droppedFrameMs} while scrolling 10,000 rows top to bottom in ~2 s, and the
   * longest frame allowed. Not 0: with the demo backend in the page its 10,000 people (and their
   * logs) share the page's heap, and a garbage-collection pause lands in one frame or two of a run
   * now and then (0–2 of 70–90 frames measured here, at most 100 ms, in either pass, not tied to the
   * rows rendered). The list itself renders in a few ms a frame: fixed row heights, stable
   * virtualiser options (a new key function per render recomputed all 10,000 positions every frame).
   */
  droppedFrames: 2,
  maxFrameMs: 150,
} as const;

/** The organisation size of the scrolling figure (`?organisation=` of the demo backend). */
export const scrollRows = 10_000;

/**
 * The invite-health page's figures: its chunk and its charts' chunk (gzipped, each over what is
 * already loaded), proof that the start page loads neither the page nor chart.js, the time from
 * the data to the first painted groups, and frames while scrolling a 10,000-row list. `serverUrl`
 * serves `app` at `/`. Never throws: a measure that cannot run is a failed verdict saying why.
 */
export async function measureInvitationsSection({ app, browser, serverUrl, quick }: { app: BuiltPage; browser: Browser; serverUrl: string; quick: boolean }): Promise<{ results: Record<string, unknown>; verdicts: Verdict[] }> {
  const results: Record<string, unknown> = {};
  const verdicts: Verdict[] = [];
  const kb = (bytes: number) => `${toKb(bytes).toFixed(1)} KB`;
  const attempt = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      verdicts.push({ budget: `invite-health: ${what} could be measured`, figure: (error as Error).message.split('\n')[0] ?? 'error', pass: false });
      console.error(`INVITE-HEALTH ${what.toUpperCase()} FAILED: ${(error as Error).message}`);
    }
  };

  console.log('\nInvite-health page (/invitations): lazy chunks, gzip -9 per file, each over what is already loaded');
  await attempt('chunk sizes', async () => {
    const chunks = await measureInvitationsChunks(app);
    results.chunks = chunks;
    console.table([
      { load: '/invitations (over the start page)', files: chunks.page.files.length, 'gz KB': toKb(chunks.page.gzipBytes).toFixed(1) },
      { load: '  of which its own (the wizard does not load them)', files: chunks.pageOwn.files.length, 'gz KB': toKb(chunks.pageOwn.gzipBytes).toFixed(1) },
      { load: 'its charts (over start page + page)', files: chunks.charts.files.length, 'gz KB': toKb(chunks.charts.gzipBytes).toFixed(1) },
    ]);
    verdicts.push({
      budget: `invite-health page's own chunks ≤ ${invitationsBudgets.pageGzipKb} KB gz over the start page (charts excluded; chunks shared with the wizard's page reported beside)`,
      figure: `${kb(chunks.pageOwn.gzipBytes)} (${chunks.pageOwn.files.join(', ')}); the whole load over the start page ${kb(chunks.page.gzipBytes)}`,
      pass: toKb(chunks.pageOwn.gzipBytes) <= invitationsBudgets.pageGzipKb,
    });
    verdicts.push({ budget: `invite-health charts chunk ≤ ${invitationsBudgets.chartsGzipKb} KB gz (chart.js bar parts + charts; chart.js/auto alone is ≈ 69 KB)`, figure: kb(chunks.charts.gzipBytes), pass: toKb(chunks.charts.gzipBytes) <= invitationsBudgets.chartsGzipKb });
    const fetched = await startPageFetches(browser, `${serverUrl}/`);
    const lazyFetched = fetched.filter((file) => [...chunks.page.files, ...chunks.charts.files].some((lazy) => file === `/${lazy}`));
    results.startPageFetches = fetched;
    const problems = [
      ...chunks.chartJsInInitial.map((file) => `chart.js in initial ${file}`),
      ...chunks.lazyInInitial.map((file) => `${file} in the initial set`),
      ...chunks.chartJsInPage.map((file) => `chart.js in the page's own load ${file}`),
      ...lazyFetched.map((file) => `the start page fetched ${file}`),
    ];
    verdicts.push({
      budget: 'the start page loads neither the invite-health page nor chart.js (manifest, and fetches in the browser); the page loads chart.js only with its charts',
      figure: problems.length === 0 ? `none of the page's ${chunks.page.files.length} or the charts' ${chunks.charts.files.length} files among the start page's ${fetched.length} fetches` : problems.join('; '),
      pass: problems.length === 0,
    });
  });

  const runs = quick ? 3 : 7;
  console.log(`\nInvite-health: data in ('invite-health:data') → first groups painted ('invite-health:painted'), median of ${runs}, ?latency=0`);
  await attempt('first groups painted', async () => {
    const painted = await measureGroupsPainted(browser, `${serverUrl}/invitations?latency=0`, runs);
    results.groupsPainted = painted;
    console.log(`${painted.rows ?? '?'} invitations: median ${painted.medianMs.toFixed(1)} ms (runs ${painted.runs.map((value) => value.toFixed(0)).join(', ')})`);
    verdicts.push({ budget: `invite-health: first groups painted ≤ ${invitationsBudgets.groupsPaintedMs} ms after the data arrives (median of ${runs}, ?latency=0)`, figure: `${painted.medianMs.toFixed(1)} ms (${painted.rows ?? '?'} invitations)`, pass: painted.medianMs <= invitationsBudgets.groupsPaintedMs });
  });

  console.log(`\nInvite-health: scrolling ${scrollRows.toLocaleString('en')} rows top to bottom in ~2 s (frames over ${droppedFrameMs} ms count as dropped)`);
  await attempt('10,000-row scroll', async () => {
    const big = await measureGroupsPainted(browser, `${serverUrl}/invitations?organisation=${scrollRows}&latency=0`, 1, 180_000);
    const scroll = await measureListScroll(browser, `${serverUrl}/invitations?organisation=${scrollRows}&latency=0`, 2_000, 180_000);
    results.scroll = scroll;
    results.groupsPaintedLarge = big;
    console.table([{ rows: scroll.rows, 'scrolled ms': scroll.scrolledMs.toFixed(0), frames: scroll.frames, 'max frame ms': scroll.maxFrameMs.toFixed(1), dropped: scroll.droppedFrames, 'rows in DOM (max)': scroll.maxRenderedRows }]);
    verdicts.push({ budget: `invite-health: ${scrollRows.toLocaleString('en')}-row list scrolls (second pass from the top) with ≤ ${invitationsBudgets.droppedFrames} frames over ${droppedFrameMs} ms and none over ${invitationsBudgets.maxFrameMs} ms`, figure: `${scroll.droppedFrames} dropped of ${scroll.frames}, max frame ${scroll.maxFrameMs.toFixed(1)} ms (${scroll.rows ?? '?'} rows, ≤ ${scroll.maxRenderedRows} in the DOM)`, pass: scroll.droppedFrames <= invitationsBudgets.droppedFrames && scroll.maxFrameMs <= invitationsBudgets.maxFrameMs });
    if (scroll.first) verdicts.push({ budget: `invite-health: the page's first scroll of ${scrollRows.toLocaleString('en')} rows, one-time costs included (no budget; the budget above is the second pass)`, figure: `${scroll.first.droppedFrames} dropped of ${scroll.first.frames}, max frame ${scroll.first.maxFrameMs.toFixed(1)} ms`, pass: null });
    verdicts.push({ budget: `invite-health: first groups painted after the data, ${scrollRows.toLocaleString('en')} invitations (no budget)`, figure: `${big.medianMs.toFixed(1)} ms`, pass: null });
  });
  return { results, verdicts };
}
