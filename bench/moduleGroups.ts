import { gzipSync } from 'node:zlib';

/** One module as it went into one output chunk (Rolldown's `RenderedModule`, before minifying). */
export interface ChunkModule {
  id: string;
  renderedLength: number;
  code: string;
}

/** What a build put into each output JS file, by file name (`assets/x.js`). */
export type ChunkModules = Record<string, ChunkModule[]>;

export type ModuleOwner = 'package' | 'project' | 'bundler';

/**
 * Whom a module belongs to: the npm package for anything under node_modules (`react-dom`,
 * `@xstate/react`); else, inside the project root, its path without a query (`src/app/App.tsx`,
 * `flows/x.json`); else a bundler helper (`\0vite/preload-helper.js` → `vite/preload-helper.js`).
 */
export function classifyModule(id: string, root: string): { group: string; owner: ModuleOwner } {
  const clean = id.replace(/^\0+/, '').replace(/\?.*$/, '');
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (inPackage?.[1]) return { group: inPackage[1], owner: 'package' };
  const prefix = root.endsWith('/') ? root : `${root}/`;
  if (clean.startsWith(prefix)) return { group: clean.slice(prefix.length), owner: 'project' };
  return { group: clean, owner: 'bundler' };
}

export interface GroupShare {
  group: string;
  owner: ModuleOwner;
  /** Rendered length before minifying, summed over the files. */
  renderedBytes: number;
  /** The files' real gzipped bytes, shared out by how much each group's code gzips on its own. */
  gzipBytes: number;
}

/**
 * Splits the real gzipped size of each file among the groups whose modules it holds, in
 * proportion to what each group's (unminified) code gzips to by itself. An estimate, but the
 * shares add up to the measured total, so they say which library or folder the bytes are.
 */
export function apportionGzip(files: ReadonlyArray<{ file: string; gzipBytes: number }>, modules: ChunkModules, root: string): GroupShare[] {
  const totals = new Map<string, GroupShare>();
  for (const { file, gzipBytes } of files) {
    const byGroup = new Map<string, { owner: ModuleOwner; rendered: number; code: string }>();
    for (const module of modules[file] ?? []) {
      const { group, owner } = classifyModule(module.id, root);
      const entry = byGroup.get(group) ?? { owner, rendered: 0, code: '' };
      entry.rendered += module.renderedLength;
      entry.code += module.code;
      byGroup.set(group, entry);
    }
    const weights = [...byGroup].map(([group, entry]) => ({ group, owner: entry.owner, rendered: entry.rendered, weight: entry.code ? gzipSync(entry.code).length : 0 }));
    const sum = weights.reduce((total, item) => total + item.weight, 0);
    if (sum === 0) {
      const share = totals.get(file) ?? { group: file, owner: 'bundler' as const, renderedBytes: 0, gzipBytes: 0 };
      share.gzipBytes += gzipBytes;
      totals.set(share.group, share);
      continue;
    }
    for (const item of weights) {
      const share = totals.get(item.group) ?? { group: item.group, owner: item.owner, renderedBytes: 0, gzipBytes: 0 };
      share.renderedBytes += item.rendered;
      share.gzipBytes += (gzipBytes * item.weight) / sum;
      totals.set(item.group, share);
    }
  }
  return [...totals.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
}
