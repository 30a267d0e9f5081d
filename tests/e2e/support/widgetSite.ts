import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { widgetCssOnlyInline } from '../../../vite.widget.config.ts';
import { serveStatic } from './serveStatic.ts';

const root = resolve(import.meta.dirname, '../../..');
const outDir = resolve(root, 'dist-e2e-widget');

export interface WidgetSite {
  /** The demo pages and the plain-script page, on one origin. */
  hostURL: string;
  /** The same files on a second origin (another port): where the framed widget runs. */
  frameURL: string;
  close(): Promise<void>;
}

/**
 * Builds what the widget specs need into `dist-e2e-widget/` and serves it on two loopback ports
 * (two origins): the widget itself (`widget/`, the same two library runs as `npm run build`), the
 * demo pages of `demo/` built against the widget's sources (`demo/…`), and `plain.html`, a host
 * page with nothing but a `<script>` tag for `widget/invite-doctor.iife.js`.
 */
export async function startWidgetSite(): Promise<WidgetSite> {
  await rm(outDir, { recursive: true, force: true });
  const site = resolve(outDir, 'site');
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const widgetOut = resolve(outDir, 'widget');
    const configFile = resolve(root, 'vite.widget.config.ts');
    await build({ root, configFile, mode: 'production', logLevel: 'warn', build: { outDir: widgetOut, emptyOutDir: true } });
    await build({ root, configFile, mode: 'iife', logLevel: 'warn', build: { outDir: widgetOut, emptyOutDir: false } });
    await build({
      root,
      configFile: false,
      mode: 'production',
      logLevel: 'warn',
      publicDir: false,
      plugins: [react(), widgetCssOnlyInline()],
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: site,
        emptyOutDir: true,
        rolldownOptions: {
          input: Object.fromEntries(['index', 'host', 'bridge-host', 'bridge-frame'].map((name) => [name, resolve(root, `demo/${name}.html`)])),
        },
      },
    });
    await mkdir(resolve(site, 'widget'), { recursive: true });
    await cp(widgetOut, resolve(site, 'widget'), { recursive: true });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await writeFile(resolve(site, 'plain.html'), plainPage);
  // The static server answers unknown paths (a favicon) with index.html.
  await writeFile(resolve(site, 'index.html'), '<!doctype html><html lang="en"><title>Widget e2e</title><a href="/demo/index.html">Demos</a></html>');
  const host = await serveStatic(site);
  const frame = await serveStatic(site);
  return {
    hostURL: host.url,
    frameURL: frame.url,
    close: async () => {
      await Promise.all([host.close(), frame.close()]);
    },
  };
}

/**
 * A host with nothing but the single script: `?lang=`, `?email=`, `?launcher=` set the element's
 * attributes; `?hostile` adds a stylesheet that tries to break the widget; `?below` puts the
 * widget below the fold (to prove it does not pull focus or scroll the page on load).
 */
const plainPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Plain host</title>
<script>
  var params = new URLSearchParams(location.search);
  if (params.has('hostile')) document.write('<style>' +
    "html { font-size: 8px !important; }" +
    "* { color: red !important; font-family: 'Comic Sans MS', cursive !important; letter-spacing: 3px !important; line-height: 3 !important; text-transform: uppercase !important; }" +
    "button { display: none !important; }" +
    "h1, p, label, input { display: inline !important; border: 5px dotted lime !important; margin: 40px !important; }" +
    "div { padding: 30px !important; background: yellow !important; }" +
    "invite-doctor { font-size: 40px !important; font-weight: 900 !important; font-style: italic !important; visibility: hidden !important; cursor: wait !important; word-spacing: 2em !important; }" +
    '</style>');
</script>
</head>
<body style="margin: 0">
<main style="width: 720px; padding: 16px">
  <h1 id="page-title">Plain host page</h1>
  <p id="spacer">A page that loads the widget with one script tag.</p>
  <invite-doctor demo style="position: absolute; top: 240px; left: 16px; width: 720px"></invite-doctor>
</main>
<script>
  var widget = document.querySelector('invite-doctor');
  ['lang', 'email', 'launcher'].forEach(function (name) {
    var value = params.get(name);
    if (value) widget.setAttribute(name === 'lang' ? 'locale' : name, value);
  });
  if (params.has('below')) widget.style.top = '2400px';
</script>
<script src="/widget/invite-doctor.iife.js"></script>
</body>
</html>
`;
