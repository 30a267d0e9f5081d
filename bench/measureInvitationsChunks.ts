import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveInitialAssets, resolveStaticClosure } from './bundleManifest.ts';
import type { BuiltPage } from './buildWithProjectConfig.ts';
import { gzipSize } from './gzipSize.ts';

/** The invite-health page's source, and its charts' (both lazy entries in the manifest). */
export const invitationsPageSource = 'src/app/invitations/InvitationsPage.tsx';
export const invitationChartsSource = 'src/app/invitations/charts/InvitationCharts.tsx';
/** The wizard's page: the chunks it shares with the invite-health page (engine, registry, zod) are not the page's own. */
export const flowPageSource = 'src/app/FlowPage.tsx';

export interface LazyChunkSize {
  /** The manifest key (the source file). */
  src: string;
  /** What loading it adds: its chunk and the static imports not already loaded (JS then CSS). */
  files: string[];
  gzipBytes: number;
}

export interface InvitationsChunks {
  /** `/invitations` on top of the start page's initial set (charts excluded: they load later). */
  page: LazyChunkSize;
  /** The part of `page` the wizard's page does not load too: what the invite-health page alone costs. */
  pageOwn: LazyChunkSize;
  /** The charts on top of the start page and the page: chart.js and the chart components. */
  charts: LazyChunkSize;
  /** Output files of the start page's initial set that bundle chart.js (must be none). */
  chartJsInInitial: string[];
  /** Output files of the page's own load that bundle chart.js (must be none: it waits for the charts). */
  chartJsInPage: string[];
  /** Initial-set files that are the page's or the charts' chunks (must be none). */
  lazyInInitial: string[];
}

/**
 * Gzipped sizes of the invite-health page's lazy load and of its charts' lazy load, each counted
 * as what it adds over what is already there (the start page's initial set; for the charts, the
 * page too), and where chart.js ended up: read from the build's manifest and its module list.
 */
export async function measureInvitationsChunks(app: BuiltPage): Promise<InvitationsChunks> {
  const initial = resolveInitialAssets(app.manifest);
  const initialFiles = new Set([...initial.js, ...initial.css]);
  const pageSet = resolveStaticClosure(app.manifest, [keyOf(app, invitationsPageSource)], initialFiles);
  const pageFiles = [...pageSet.js, ...pageSet.css];
  const chartsSet = resolveStaticClosure(app.manifest, [keyOf(app, invitationChartsSource)], new Set([...initialFiles, ...pageFiles]));
  const chartsFiles = [...chartsSet.js, ...chartsSet.css];
  const wizard = keyOf(app, flowPageSource, false);
  const wizardSet = wizard ? resolveStaticClosure(app.manifest, [wizard], initialFiles) : { js: [], css: [] };
  const wizardFiles = new Set([...wizardSet.js, ...wizardSet.css]);
  const pageOwnFiles = pageFiles.filter((file) => !wizardFiles.has(file));
  const sizeOf = async (files: string[]) => (await Promise.all(files.map(async (file) => gzipSize(await readFile(path.join(app.outDir, file)))))).reduce((sum, bytes) => sum + bytes, 0);
  const bundlesChartJs = (file: string) => (app.modules[file] ?? []).some((module) => /[\\/]node_modules[\\/]chart\.js[\\/]/.test(module.id));
  const lazyFiles = new Set([app.manifest[keyOf(app, invitationsPageSource)]?.file, app.manifest[keyOf(app, invitationChartsSource)]?.file]);
  return {
    page: { src: invitationsPageSource, files: pageFiles, gzipBytes: await sizeOf(pageFiles) },
    pageOwn: { src: invitationsPageSource, files: pageOwnFiles, gzipBytes: await sizeOf(pageOwnFiles) },
    charts: { src: invitationChartsSource, files: chartsFiles, gzipBytes: await sizeOf(chartsFiles) },
    chartJsInInitial: initial.js.filter(bundlesChartJs),
    chartJsInPage: pageSet.js.filter(bundlesChartJs),
    lazyInInitial: [...initialFiles].filter((file) => lazyFiles.has(file)),
  };
}

function keyOf(app: BuiltPage, source: string, required: false): string | null;
function keyOf(app: BuiltPage, source: string, required?: true): string;
function keyOf(app: BuiltPage, source: string, required = true): string | null {
  if (app.manifest[source]) return source;
  const key = Object.keys(app.manifest).find((candidate) => app.manifest[candidate]?.src === source);
  if (!key && required) throw new Error(`the build has no chunk for ${source} (is it still imported lazily?)`);
  return key ?? null;
}
