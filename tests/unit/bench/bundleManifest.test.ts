import { describe, expect, it } from 'vitest';
import { compareWithHtml, dynamicEntriesMatching, parseHtmlAssets, resolveInitialAssets, resolveStaticClosure, type Manifest } from '../../../bench/bundleManifest.ts';

// Shaped like the app's real manifest: an entry with shared chunks, lazy pages, locales, flows.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_runtime.js', '_react.js', '_router.js'],
    dynamicImports: ['src/app/FlowPage.tsx', 'locales/en/app.json', 'flows/start.json?raw'],
    css: ['assets/index-a.css'],
  },
  '_runtime.js': { file: 'assets/runtime.js' },
  '_react.js': { file: 'assets/react.js', imports: ['_runtime.js'] },
  '_router.js': { file: 'assets/router.js', imports: ['_runtime.js', '_react.js'], css: ['assets/router.css'] },
  '_engine.js': { file: 'assets/engine.js', imports: ['_runtime.js'], css: ['assets/engine.css'] },
  'src/app/FlowPage.tsx': { file: 'assets/FlowPage.js', src: 'src/app/FlowPage.tsx', isDynamicEntry: true, imports: ['_react.js', '_engine.js'], css: ['assets/FlowPage.css'] },
  'locales/en/app.json': { file: 'assets/app-en.js', src: 'locales/en/app.json', isDynamicEntry: true },
  'locales/de/app.json': { file: 'assets/app-de.js', src: 'locales/de/app.json', isDynamicEntry: true, imports: ['_runtime.js'] },
  'flows/start.json?raw': { file: 'assets/start.js', src: 'flows/start.json?raw', isDynamicEntry: true },
};

describe('resolveInitialAssets', () => {
  it('is the entry, its static imports followed recursively, once each, and their CSS (dependencies first); never a dynamic import', () => {
    expect(resolveInitialAssets(manifest)).toEqual({
      js: ['assets/index-a.js', 'assets/runtime.js', 'assets/react.js', 'assets/router.js'],
      css: ['assets/router.css', 'assets/index-a.css'],
    });
  });

  it('refuses a key that is not an entry, naming the entries there are', () => {
    expect(() => resolveInitialAssets(manifest, '_react.js')).toThrow(/not an entry.*index\.html/);
  });

  it('survives an import cycle', () => {
    const cyclic: Manifest = { 'index.html': { file: 'a.js', isEntry: true, imports: ['_b'] }, _b: { file: 'b.js', imports: ['index.html'] } };
    expect(resolveInitialAssets(cyclic).js).toEqual(['a.js', 'b.js']);
  });
});

describe('resolveStaticClosure', () => {
  it('for lazy entries, minus what is already loaded: only what the lazy load adds', () => {
    const initial = resolveInitialAssets(manifest);
    const loaded = new Set([...initial.js, ...initial.css]);
    expect(resolveStaticClosure(manifest, ['src/app/FlowPage.tsx'], loaded)).toEqual({ js: ['assets/FlowPage.js', 'assets/engine.js'], css: ['assets/engine.css', 'assets/FlowPage.css'] });
    expect(resolveStaticClosure(manifest, ['locales/de/app.json'], loaded)).toEqual({ js: ['assets/app-de.js'], css: [] });
  });

  it('fails on a key the manifest does not have', () => {
    expect(() => resolveStaticClosure(manifest, ['locales/fr/app.json'])).toThrow(/no chunk/);
  });
});

describe('dynamicEntriesMatching', () => {
  it('finds lazy entries by source path', () => {
    expect(dynamicEntriesMatching(manifest, /^locales\//)).toEqual(['locales/de/app.json', 'locales/en/app.json']);
    expect(dynamicEntriesMatching(manifest, /^flows\//)).toEqual(['flows/start.json?raw']);
  });
});

const html = `<!doctype html><html><head>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/runtime.js">
    <link rel="modulepreload" crossorigin href="/assets/react.js">
    <link rel='modulepreload' href=/assets/router.js>
    <link rel="stylesheet" crossorigin href="/assets/index-a.css">
    <link rel="stylesheet" href="/assets/router.css">
  </head><body><div id="root"></div></body></html>`;

describe('parseHtmlAssets / compareWithHtml', () => {
  it('reads scripts, module preloads and stylesheets, whatever the quoting; ignores other links', () => {
    expect(parseHtmlAssets(html)).toEqual({
      scripts: ['/assets/index-a.js'],
      modulepreloads: ['/assets/runtime.js', '/assets/react.js', '/assets/router.js'],
      stylesheets: ['/assets/index-a.css', '/assets/router.css'],
    });
  });

  it('agrees with the manifest when the HTML loads exactly the initial set', () => {
    expect(compareWithHtml(resolveInitialAssets(manifest), html)).toEqual([]);
  });

  it('names each file only one side has, with a base path stripped', () => {
    const based = html.replaceAll('/assets/', '/app/assets/').replace(/<link rel="stylesheet" href="[^"]*router.css">/, '<link rel="modulepreload" href="/app/assets/extra.js">');
    expect(compareWithHtml(resolveInitialAssets(manifest), based, '/app/')).toEqual([
      'index.html loads assets/extra.js, which the manifest\'s initial set does not have',
      'assets/router.css is in the manifest\'s initial set but index.html does not load it',
    ]);
  });
});
