/** The parts of Vite's `.vite/manifest.json` the bench reads. */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export interface AssetSet {
  /** Output files (as in the manifest, e.g. `assets/index-abc.js`), no duplicates: JS the chunk
   * before what it imports, CSS dependencies first (as Vite writes the links). */
  js: string[];
  css: string[];
}

/**
 * What the browser loads for the given manifest keys before anything else happens: each chunk,
 * its static `imports` (Vite emits them as `<link rel="modulepreload">`), recursively, and the
 * CSS of every chunk reached. Dynamic imports are not followed. Chunks in `exclude` (files) are
 * skipped with everything only they import, so `resolveStaticClosure(m, lazyKeys, initial)` is
 * what a lazy load adds on top of what is already there.
 */
export function resolveStaticClosure(manifest: Manifest, keys: readonly string[], exclude: ReadonlySet<string> = new Set()): AssetSet {
  const js: string[] = [];
  const css: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk "${key}"`);
    if (exclude.has(chunk.file)) return;
    js.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
    for (const file of chunk.css ?? []) if (!css.includes(file) && !exclude.has(file)) css.push(file);
  };
  for (const key of keys) visit(key);
  return { js, css };
}

/** The initial set of the page built from `entry` (the manifest key of its HTML file). */
export function resolveInitialAssets(manifest: Manifest, entry = 'index.html'): AssetSet {
  const chunk = manifest[entry];
  if (!chunk?.isEntry) throw new Error(`"${entry}" is not an entry in the manifest (entries: ${Object.keys(manifest).filter((key) => manifest[key]?.isEntry).join(', ') || 'none'})`);
  return resolveStaticClosure(manifest, [entry]);
}

/** Manifest keys of the dynamic entries whose source path matches, e.g. `/^locales\//`. */
export function dynamicEntriesMatching(manifest: Manifest, pattern: RegExp): string[] {
  return Object.keys(manifest)
    .filter((key) => manifest[key]?.isDynamicEntry && pattern.test(manifest[key]?.src ?? key))
    .sort();
}

/** The scripts, module preloads and stylesheets a built `index.html` names, paths as written. */
export function parseHtmlAssets(html: string): { scripts: string[]; modulepreloads: string[]; stylesheets: string[] } {
  const tags = html.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
  const scripts: string[] = [];
  const modulepreloads: string[] = [];
  const stylesheets: string[] = [];
  for (const tag of tags) {
    if (/^<script/i.test(tag)) {
      const src = attr(tag, 'src');
      if (src) scripts.push(src);
      continue;
    }
    const rel = attr(tag, 'rel')?.toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') modulepreloads.push(href);
    else if (rel === 'stylesheet') stylesheets.push(href);
  }
  return { scripts, modulepreloads, stylesheets };
}

/**
 * Cross-check: the files the built HTML loads (scripts + modulepreloads, stylesheets), with the
 * `base` prefix removed, compared with the manifest's initial set. Empty when they agree.
 */
export function compareWithHtml(initial: AssetSet, html: string, base = '/'): string[] {
  const parsed = parseHtmlAssets(html);
  const strip = (path: string) => (path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, ''));
  const local = (path: string) => !/^[a-z]+:\/\//i.test(path);
  const fromHtml = { js: [...parsed.scripts, ...parsed.modulepreloads].filter(local).map(strip), css: parsed.stylesheets.filter(local).map(strip) };
  const problems: string[] = [];
  for (const kind of ['js', 'css'] as const) {
    const want = new Set(initial[kind]);
    const got = new Set(fromHtml[kind]);
    for (const file of want) if (!got.has(file)) problems.push(`${file} is in the manifest's initial set but index.html does not load it`);
    for (const file of got) if (!want.has(file)) problems.push(`index.html loads ${file}, which the manifest's initial set does not have`);
  }
  return problems;
}
