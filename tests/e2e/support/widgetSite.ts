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
  /** The built widget on disk, as served under `/dist-widget/`. */
  widgetDir: string;
  close(): Promise<void>;
}

/**
 * Builds what the widget specs need into `dist-e2e-widget/` and serves it on two loopback ports
 * (two origins): the built widget (`dist-widget/`, the same two library runs as `npm run build`),
 * the module demo pages of `demo/` built against the widget's sources (`demo/…`), and
 * `demo/plain.html` as it is: a host page with nothing but a `<script>` tag for
 * `/dist-widget/invite-doctor.iife.js`, the loader.
 */
export async function startWidgetSite(): Promise<WidgetSite> {
  await rm(outDir, { recursive: true, force: true });
  const site = resolve(outDir, 'site');
  const widgetDir = resolve(site, 'dist-widget');
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
    await mkdir(widgetDir, { recursive: true });
    await cp(widgetOut, widgetDir, { recursive: true });
    await cp(resolve(root, 'demo/plain.html'), resolve(site, 'demo/plain.html'));
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await writeFile(resolve(site, 'cdn-host.html'), cdnHostPage);
  // The static server answers unknown paths (a favicon) with index.html.
  await writeFile(resolve(site, 'index.html'), '<!doctype html><html lang="en"><title>Widget e2e</title><a href="/demo/index.html">Demos</a></html>');
  const host = await serveStatic(site);
  const frame = await serveStatic(site);
  return {
    hostURL: host.url,
    frameURL: frame.url,
    widgetDir,
    close: async () => {
      await Promise.all([host.close(), frame.close()]);
    },
  };
}

/**
 * A host page that takes the loader from another origin, `?cdn=<origin>` (the other port):
 * it mounts the widget into a `<div>` with `InviteDoctor.mount` (the promise is kept as
 * `window.mounted`) and also has an `<invite-doctor>` element with a button launcher. It is served
 * for real, not through Playwright's routing: Chromium treats a routed page as public and refuses
 * it scripts from a loopback address.
 */
const cdnHostPage = `<!doctype html>
<html lang="en">
<head><meta charset="UTF-8"><title>CDN host</title></head>
<body>
<main><h1>Acme</h1><div id="help"></div></main>
<invite-doctor demo launcher="button"></invite-doctor>
<script>
  var cdn = new URL(location.href).searchParams.get('cdn');
  document.write('<script src="' + cdn + '/dist-widget/invite-doctor.iife.js"><\\/script>');
</script>
<script>
  window.mounted = InviteDoctor.mount(document.getElementById('help'), { demo: true, email: 'dan.active@example.com' });
</script>
</body>
</html>
`;
