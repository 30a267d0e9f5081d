import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, loadConfigFromFile, mergeConfig, type InlineConfig, type Plugin, type UserConfig } from 'vite';
import type { Manifest } from './bundleManifest.ts';
import type { ChunkModules } from './moduleGroups.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..');
const projectConfigFile = path.join(projectRoot, 'vite.config.ts');

export interface BuildOptions {
  /** The folder with the page's `index.html` (the project root for the app). */
  root: string;
  outDir: string;
  /** Public base path the page is served under. @default '/' */
  base?: string;
}

export interface BuiltPage {
  root: string;
  outDir: string;
  base: string;
  manifest: Manifest;
  html: string;
  /** What went into each output JS file, for the "which module is big" breakdown. */
  modules: ChunkModules;
}

/**
 * A production build with the project's own Vite config (`vite.config.ts`: the same plugins,
 * target and minifier), loaded afresh for every build so no plugin instance is shared, with only
 * root, base, outDir, cache dir and `build.manifest` changed. The app and the bare pages are
 * built by this one function, so they differ only in their source.
 */
export async function buildWithProjectConfig({ root, outDir, base = '/' }: BuildOptions): Promise<BuiltPage> {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production', isSsrBuild: false, isPreview: false }, projectConfigFile, projectRoot, 'silent');
  if (!loaded) throw new Error(`could not load ${projectConfigFile}`);
  // Vitest's and the dev server's settings do not affect a build; drop them so nothing leaks.
  const { test: _test, server: _server, ...projectConfig } = loaded.config as UserConfig & { test?: unknown };
  const modules: ChunkModules = {};
  const recordModules: Plugin = {
    name: 'bench:record-modules',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        modules[output.fileName] = Object.entries(output.modules).map(([id, module]) => ({ id, renderedLength: module.renderedLength, code: module.code ?? '' }));
      }
    },
  };
  const config = mergeConfig(projectConfig, {
    root,
    base,
    configFile: false,
    envDir: root === projectRoot ? projectRoot : root,
    cacheDir: path.join(outDir, '..', `.vite-cache-${path.basename(outDir)}`),
    mode: 'production',
    logLevel: 'warn',
    plugins: [recordModules],
    build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false },
  } satisfies InlineConfig);
  // A test runner's NODE_ENV=test would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(config);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  return { root, outDir, base, manifest, html, modules };
}
