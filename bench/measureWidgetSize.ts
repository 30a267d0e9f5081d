import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WidgetFileSize {
  /** What was measured: a file in dist-widget/, or a set of files a browser loads together. */
  file: string;
  bytes: number;
  /** gzip level 9, each file compressed on its own (as it travels), then summed. */
  gzipBytes: number;
  /** `load`: a set of files a page loads together; `file`: one file. */
  kind: 'load' | 'file';
  /** The files summed, relative to dist-widget/. */
  files: string[];
}

const root = path.join(import.meta.dirname, '..');

/**
 * The widget's sizes, from `dist-widget/` (built first with the widget's two Vite runs when it is
 * missing). The first row, the one the bench holds to the 130 KB budget, is what a plain-script
 * host page loads before anyone opens the wizard: the loader `invite-doctor.iife.js`, the module
 * `invite-doctor.js` it imports, and the chunks that module imports statically (React included)
 * with the launcher's English texts. Then: the same without the loader (a module host), the
 * session's code and English texts loaded on first use (at once for an inline widget), the bridge
 * module for host pages, and every file on its own.
 */
export function measureWidgetSize(options: { dir?: string } = {}): WidgetFileSize[] {
  const dir = options.dir ?? path.join(root, 'dist-widget');
  if (!existsSync(path.join(dir, 'invite-doctor.js')) || !existsSync(path.join(dir, 'invite-doctor.iife.js'))) buildWidget(dir);
  const size = (file: string) => {
    const data = readFileSync(path.join(dir, file));
    return { bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  };
  const sum = (label: string, files: Iterable<string>): WidgetFileSize => {
    const list = [...files].sort();
    const sizes = list.map(size);
    const total = (field: 'bytes' | 'gzipBytes') => sizes.reduce((sum, one) => sum + one[field], 0);
    return { file: label, bytes: total('bytes'), gzipBytes: total('gzipBytes'), kind: 'load', files: list };
  };
  const chunks = readdirSync(path.join(dir, 'chunks')).map((name) => `chunks/${name}`);
  // The launcher's own texts load at once too (the wizard's texts wait for the first session).
  const initial = staticClosure(dir, ['invite-doctor.js', ...chunks.filter((file) => file.startsWith('chunks/locale-en-widget-'))]);
  const session = staticClosure(dir, [
    ...chunks.filter((file) => /^chunks\/(WidgetSessionRunner|locale-en-(app|flows|diagnostics)|flow-invite-not-received)-/.test(file)),
  ]);
  const sessionOnly = [...session].filter((file) => !initial.has(file));
  const files = ['invite-doctor.iife.js', 'invite-doctor.js', 'invite-doctor-bridge.js', ...chunks.sort()];
  return [
    sum(`invite-doctor.iife.js (loader) + invite-doctor.js + ${initial.size - 1} chunks it loads at once (plain-script host, initial load)`, ['invite-doctor.iife.js', ...initial]),
    sum(`invite-doctor.js + ${initial.size - 1} chunks it loads at once (module host, initial load)`, initial),
    sum(`session on first use, at once when inline (engine, step views, English texts, default flow: ${sessionOnly.length} files)`, sessionOnly),
    sum('invite-doctor-bridge.js + static chunks (host side of the bridge)', staticClosure(dir, ['invite-doctor-bridge.js'])),
    ...files.map((file) => ({ file, ...size(file), kind: 'file' as const, files: [file] })),
  ];
}

/** The files a browser fetches before running `entries`: static imports, followed recursively. */
function staticClosure(dir: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] as string)));
    }
  };
  entries.forEach(visit);
  return seen;
}

function buildWidget(dir: string) {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, [vite, 'build', '-c', 'vite.widget.config.ts', '--outDir', dir, '--logLevel', 'warn'], { cwd: root, env, stdio: 'inherit' });
  execFileSync(process.execPath, [vite, 'build', '-c', 'vite.widget.config.ts', '--mode', 'iife', '--outDir', dir, '--logLevel', 'warn'], { cwd: root, env, stdio: 'inherit' });
}
