import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Packages code under src/ may import: what the SPA and the widget ship to browsers. */
export const browserPackages: readonly string[] = ['react', 'react-dom', 'react-i18next', 'react-router-dom', 'i18next', 'xstate', '@xstate/react', 'zod', 'zustand', 'chart.js', '@tanstack/react-virtual', '@dagrejs/dagre'];

/** The provider SDKs (server only: they hold or use secrets), named in a finding as such. */
export const providerSdks: readonly string[] = [
  '@clerk/backend',
  'auth0',
  '@supabase/supabase-js',
  '@workos-inc/node',
  'firebase-admin',
  '@aws-sdk/client-cognito-identity-provider',
  '@aws-sdk/client-sesv2',
  'better-auth',
  'postmark',
  '@sendgrid/client',
  'mailgun.js',
];

export interface ForbiddenImport {
  /** The importing file, relative to the root. */
  file: string;
  specifier: string;
  why: string;
}

/**
 * Walks the import graph from every `.ts`/`.tsx` file under `startDir` (static imports, re-exports,
 * dynamic `import()`, `import.meta.glob` patterns; read by the TypeScript compiler's own import
 * scanner), following relative imports wherever they lead, and reports each import of `server/`,
 * of a provider SDK or of any package not in `allowedPackages`. Node built-ins (`node:`) count as
 * packages: a browser has none.
 */
export function findForbiddenImports(root: string, startDir: string, allowedPackages: readonly string[] = browserPackages): ForbiddenImport[] {
  const serverDir = path.join(root, 'server') + path.sep;
  const found: ForbiddenImport[] = [];
  const seen = new Set<string>();
  const queue = listSources(path.join(root, startDir));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const relative = path.relative(root, file);
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
    for (const glob of text.matchAll(/import\.meta\.glob(?:<[^>]*>)?\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/g)) {
      for (const pattern of (glob[1] as string).matchAll(/['"]!?([^'"]+)['"]/g)) specifiers.push(pattern[1] as string);
    }
    for (const specifier of specifiers) {
      const bare = specifier.split('?')[0] as string;
      if (bare.startsWith('.') || bare.startsWith('/')) {
        const target = bare.startsWith('/') ? path.join(root, bare) : path.resolve(path.dirname(file), bare);
        if (target.startsWith(serverDir) || target === serverDir.slice(0, -1)) {
          found.push({ file: relative, specifier, why: 'imports server/ (server code never reaches a browser)' });
          continue;
        }
        const resolved = resolveSource(target);
        if (resolved) queue.push(resolved);
        continue;
      }
      const name = packageName(bare);
      if (providerSdks.includes(name)) found.push({ file: relative, specifier, why: `imports the provider SDK ${name} (server only)` });
      else if (!allowedPackages.includes(name)) found.push({ file: relative, specifier, why: `imports ${name}, which is not a browser package of this app (add it to browserPackages if it is one)` });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.specifier.localeCompare(b.specifier));
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; `node:fs` stays. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => path.join(dir, String(name)))
    .filter((file) => /\.(?:ts|tsx|mts)$/.test(file) && !file.endsWith('.d.ts') && statSync(file).isFile());
}

/** A relative import's file: as written, or with a source extension or `/index`; `null` for data (JSON, CSS) and globs. */
function resolveSource(target: string): string | null {
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts'), path.join(target, 'index.tsx')]) {
    if (/\.(?:ts|tsx|mts|js|mjs)$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
