import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dynamicEntriesMatching, compareWithHtml, resolveInitialAssets, resolveStaticClosure, type AssetSet } from './bundleManifest.ts';
import type { BuiltPage } from './buildWithProjectConfig.ts';
import { gzipSize } from './gzipSize.ts';
import { apportionGzip, type GroupShare } from './moduleGroups.ts';

export interface FileSize {
  file: string;
  /** The source a lazy chunk was built from (`locales/en/app.json`), when it is an entry. */
  src?: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageSizes {
  js: FileSize[];
  css: FileSize[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  gzipBytes: number;
  /** The built index.html, gzipped: the app's holds the prerendered start page (one per language). */
  htmlGzipBytes: number;
  /** Where the built index.html and the manifest's initial set disagree (empty: they agree). */
  htmlMismatches: string[];
  /** The initial JS's gzipped bytes shared out by package / source file (estimate, see apportionGzip). */
  breakdown: GroupShare[];
}

export interface BundleSizes {
  app: PageSizes;
  bare: PageSizes;
  /** The locale files the start page fetches right after boot, counted as part of "ours". */
  bootLocales: { sources: string[]; files: FileSize[]; gzipBytes: number };
  /** App initial JS + CSS + boot locales + index.html, gzipped. */
  oursGzipBytes: number;
  /** oursGzipBytes − bare initial gzipped bytes (its JS + CSS + index.html): what our code, flows and texts add. */
  addedGzipBytes: number;
  ratio: number;
  ratioWithoutLocales: number;
  lazy: { locales: FileSize[]; flows: FileSize[]; other: FileSize[]; inInitial: string[] };
}

async function sizeOf(page: BuiltPage, file: string, src?: string): Promise<FileSize> {
  const data = await readFile(path.join(page.outDir, file));
  return { file, ...(src ? { src } : {}), bytes: data.length, gzipBytes: gzipSize(data) };
}

async function pageSizes(page: BuiltPage, initial: AssetSet): Promise<PageSizes> {
  const js = await Promise.all(initial.js.map((file) => sizeOf(page, file)));
  const css = await Promise.all(initial.css.map((file) => sizeOf(page, file)));
  const jsGzipBytes = js.reduce((sum, item) => sum + item.gzipBytes, 0);
  const cssGzipBytes = css.reduce((sum, item) => sum + item.gzipBytes, 0);
  return {
    js,
    css,
    jsGzipBytes,
    cssGzipBytes,
    gzipBytes: jsGzipBytes + cssGzipBytes,
    htmlGzipBytes: gzipSize(Buffer.from(page.html)),
    htmlMismatches: compareWithHtml(initial, page.html, page.base),
    breakdown: apportionGzip(js, page.modules, page.root),
  };
}

/** The initial JS + CSS of one built page (its index.html's entry, modulepreloads, stylesheets). */
export function measureInitialSize(page: BuiltPage): Promise<PageSizes> {
  return pageSizes(page, resolveInitialAssets(page.manifest));
}

/**
 * Gzipped initial JS + CSS of the app's start page and of the bare stack page, both built with
 * the project's Vite config. "Initial" is index.html's entry chunk, its static imports
 * (modulepreload) followed recursively, and their CSS, read from Vite's manifest and checked
 * against the built index.html. `bootLocaleSources` (manifest keys, e.g. en app + flows) are what
 * i18next fetches right after boot, before the page can show a single text: they count as ours.
 */
export async function measureBundleSizes(app: BuiltPage, bare: BuiltPage, bootLocaleSources: readonly string[]): Promise<BundleSizes> {
  const appInitial = resolveInitialAssets(app.manifest);
  const initialFiles = new Set([...appInitial.js, ...appInitial.css]);
  const appSizes = await pageSizes(app, appInitial);
  const bareSizes = await pageSizes(bare, resolveInitialAssets(bare.manifest));

  const boot = resolveStaticClosure(app.manifest, bootLocaleSources, initialFiles);
  const bootFiles = await Promise.all([...boot.js, ...boot.css].map((file) => sizeOf(app, file, Object.values(app.manifest).find((chunk) => chunk.file === file)?.src)));
  const bootGzip = bootFiles.reduce((sum, item) => sum + item.gzipBytes, 0);

  const entriesOf = (pattern: RegExp) => Promise.all(dynamicEntriesMatching(app.manifest, pattern).map((key) => sizeOf(app, app.manifest[key]?.file as string, app.manifest[key]?.src ?? key)));
  const locales = await entriesOf(/^locales\//);
  const flows = await entriesOf(/^flows\//);
  const other = await entriesOf(/^(?!locales\/|flows\/)/);
  const inInitial = [...locales, ...flows].filter((item) => initialFiles.has(item.file)).map((item) => item.src ?? item.file);

  const oursGzipBytes = appSizes.gzipBytes + appSizes.htmlGzipBytes + bootGzip;
  const bareGzipBytes = bareSizes.gzipBytes + bareSizes.htmlGzipBytes;
  return {
    app: appSizes,
    bare: bareSizes,
    bootLocales: { sources: [...bootLocaleSources], files: bootFiles, gzipBytes: bootGzip },
    oursGzipBytes,
    addedGzipBytes: oursGzipBytes - bareGzipBytes,
    ratio: oursGzipBytes / bareGzipBytes,
    ratioWithoutLocales: appSizes.gzipBytes / bareSizes.gzipBytes,
    lazy: { locales, flows, other, inInitial },
  };
}
