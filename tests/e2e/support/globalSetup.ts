import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic } from './serveStatic.ts';
import { chromiumPath } from './chromiumPath.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Builds the SPA once (into dist-e2e/) and serves it on a free loopback port for every spec. */
export default async function setup(project: TestProject) {
  const executable = chromiumPath();
  if (!existsSync(executable)) {
    throw new Error(
      `No Chromium at ${executable}. The end-to-end tests need a real browser: install Debian's with ` +
        '`apt-get install -y chromium`, or point CHROME_PATH at a Chromium/Chrome binary.',
    );
  }
  const root = resolve(import.meta.dirname, '../../..');
  // E2E_OUT_DIR: a build folder of one's own, so two people running specs at once do not overwrite each other's build.
  const outDir = resolve(root, process.env.E2E_OUT_DIR ?? 'dist-e2e');
  await rm(outDir, { recursive: true, force: true });
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await serveStatic(outDir);
  project.provide('baseURL', server.url);
  return () => server.close();
}
