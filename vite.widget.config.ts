import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { formatFlowProblem, parseFlow } from './src/engine/index.ts';

/**
 * The embeddable widget, in library mode, in two runs (`npm run build` does both, then
 * `tsc -p tsconfig.widget.json` adds the types):
 *
 * - `vite build -c vite.widget.config.ts`: ES modules: `invite-doctor.js` (the element, the
 *   launcher and i18n; the engine, step views, flows, locales and adapters load as chunks on first
 *   use) and `invite-doctor-bridge.js` (the host side of the postMessage bridge alone).
 * - `vite build -c vite.widget.config.ts --mode iife`: `invite-doctor.iife.js`, the loader for a
 *   plain `<script>` tag (global `InviteDoctor`, src/embed/iife.ts). It holds no widget code and
 *   imports `invite-doctor.js` from beside itself, so a script-tag host gets the same lazy chunks
 *   as a module host. There is no self-contained single-file build: an IIFE cannot split, and one
 *   with everything inline was about 190 KB gzipped, over the widget's 130 KB budget.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), widgetCssOnlyInline(), prebuiltFlows()],
  // Library mode leaves process.env alone; React would otherwise ship (and run) its dev build.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir: 'dist-widget',
    emptyOutDir: mode !== 'iife',
    target: 'es2022',
    minify: 'oxc',
    lib:
      mode === 'iife'
        ? { entry: 'src/embed/iife.ts', name: 'InviteDoctor', formats: ['iife'], fileName: () => 'invite-doctor.iife.js' }
        : {
            entry: { 'invite-doctor': 'src/embed/index.ts', 'invite-doctor-bridge': 'src/embed/bridge.ts' },
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
            cssFileName: 'invite-doctor',
          },
    rolldownOptions: {
      // Library mode keeps whitespace in ES output (for consumers' bundlers); this is a finished script.
      output: { chunkFileNames: nameChunk, minify: true },
      // The engine and diagnostics are pure by design (ARCHITECTURE.md, enforced by lint): a module
      // there that only builds values (zod schemas) can go when nothing uses them.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/](engine|diagnostics)[\\/]/.test(id) },
    },
  },
}));

/** Locale and flow chunks say what they hold: `chunks/locale-de-flows-<hash>.js`, `chunks/flow-<id>-<hash>.js`. */
function nameChunk(chunk: { facadeModuleId?: string | null }): string {
  const id = chunk.facadeModuleId ?? '';
  const locale = /[\\/]locales[\\/]([a-z]+)[\\/]([a-z]+)\.json$/.exec(id);
  if (locale) return `chunks/locale-${locale[1]}-${locale[2]}-[hash].js`;
  const flow = /[\\/]flows[\\/]([a-z0-9-]+)\.json(\?.*)?$/.exec(id);
  if (flow) return `chunks/flow-${flow[1]}-[hash].js`;
  return 'chunks/[name]-[hash].js';
}

/**
 * The widget's styles go into its shadow root (`src/embed/widgetStyles.ts`, `?inline`). A plain
 * side-effect import such as `import './runner.css'` in a shared component would make library
 * mode emit a page-level stylesheet nobody should load (and an app build of a host page put it
 * into the page), so such imports from the app's sources become empty modules here.
 */
export function widgetCssOnlyInline(): Plugin {
  const empty = '\0widget-empty-css';
  return {
    name: 'invite-doctor:widget-css-only-inline',
    enforce: 'pre',
    resolveId(source, importer) {
      return /\.css$/.test(source) && importer && /[\\/]src[\\/]/.test(importer) ? empty : null;
    },
    load(id) {
      return id === empty ? 'export default "";' : null;
    },
  };
}

/**
 * The shipped flows are checked, and their defaults filled in, here at build time with the same
 * `parseFlow` the app runs (a flow with problems fails the build). The widget's
 * `parseShippedFlow` then only hands the data on, and zod's full schema library (for the flow
 * schema) stays out of the widget: about 20 KB gzipped.
 */
export function prebuiltFlows(): Plugin {
  const trusting = '\0widget-parse-shipped-flow';
  return {
    name: 'invite-doctor:prebuilt-flows',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer && /[\\/]src[\\/]embed[\\/]/.test(importer) && /[\\/]parseShippedFlow\.ts$/.test(source) ? trusting : null;
    },
    load(id) {
      return id === trusting ? 'export function parseShippedFlow(data) { return { ok: true, flow: data }; }' : null;
    },
    transform(code, id) {
      const file = /[\\/](flows[\\/][a-z0-9-]+\.json)$/.exec(id)?.[1];
      if (!file || file.endsWith('flow.schema.json')) return null;
      const parsed = parseFlow(code, file);
      if (!parsed.ok) this.error(`${file} cannot ship:\n${parsed.problems.map(formatFlowProblem).join('\n')}`);
      return { code: JSON.stringify(parsed.flow), map: null };
    },
  };
}
