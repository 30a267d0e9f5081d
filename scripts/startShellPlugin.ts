import path from 'node:path';
import { createServer, type HtmlTagDescriptor, type Plugin, type ResolvedConfig } from 'vite';
import { startShellScript } from './startShellScript.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

interface ShellModule {
  renderStartShell(locale: string): Promise<{ html: string; title: string }>;
}

/**
 * Build only: the app's index.html gets the start page prerendered in every language (one
 * `<template>` each, rendered by the app's own components through `src/app/renderStartShell.tsx`)
 * and the inline script that shows the right one while the JavaScript loads. Why: the person
 * can type the address from the first paint instead of after the whole stack has run, which is
 * what the startup budget (issue #6: ≤ 1.3× a bare React page) asks and the mandated libraries
 * alone exceed. Pages built from another root with this config (the bench's bare pages) are
 * left alone.
 */
export function startShellPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'invite-doctor:start-shell',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html): Promise<HtmlTagDescriptor[] | undefined> {
        if (path.resolve(config.root) !== projectRoot || !html.includes('<div id="root"></div>')) return undefined;
        const server = await createServer({
          configFile: false,
          root: config.root,
          mode: config.mode,
          envDir: config.envDir,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const { renderStartShell } = (await server.ssrLoadModule('/src/app/renderStartShell.tsx')) as ShellModule;
          const { supportedLocales, localeDirection } = (await server.ssrLoadModule('/src/app/supportedLocales.ts')) as { supportedLocales: readonly string[]; localeDirection(locale: string): string };
          const shells = await Promise.all(supportedLocales.map(async (locale) => ({ locale, ...(await renderStartShell(locale)) })));
          return [
            ...shells.map(({ locale, html: markup, title }): HtmlTagDescriptor => ({
              tag: 'template',
              attrs: { id: `id-start-shell-${locale}`, 'data-title': title },
              children: markup,
              injectTo: 'body-prepend',
            })),
            { tag: 'script', children: startShellScript({ base: config.base, locales: supportedLocales, rightToLeft: supportedLocales.filter((locale) => localeDirection(locale) === 'rtl'), settingsKey: 'invite-doctor:settings' }), injectTo: 'body' },
          ];
        } finally {
          await server.close();
        }
      },
    },
  };
}
