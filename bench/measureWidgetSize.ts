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
}

const root = path.join(import.meta.dirname, '..');

/**
 * The widget's sizes, from `dist-widget/` (built first with the widget's two Vite runs when it is
 * missing). The first row is the widget script as a page loads it: `invite-doctor.js` with the
 * chunks it imports statically (React included), before anyone opens the wizard. Then: the
 * session's code and English texts loaded on first use, the bridge module for host pages, the
 * single-script IIFE (everything inline, every language), and every file on its own. The bench
 * reads the first row.
 */
export function measureWidgetSize(options: { dir?: string } = {}): WidgetFileSize[] {
  const dir = options.dir ?? path.join(root, 'dist-widget');
  if (!existsSync(path.join(dir, 'invite-doctor.js')) || !existsSync(path.join(dir, 'invite-doctor.iife.js'))) buildWidget(dir);
  const size = (file: string) => {
    const data = readFileSync(path.join(dir, file));
    return { bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  };
  const sum = (label: string, files: Iterable<string>): WidgetFileSize => {
    const list = [...files];
    return list.map(size).reduce((total, one) => ({ file: label, bytes: total.bytes + one.bytes, gzipBytes: total.gzipBytes + one.gzipBytes }), { file: label, bytes: 0, gzipBytes: 0 });
  };
  const chunks = readdirSync(path.join(dir, 'chunks')).map((name) => `chunks/${name}`);
  // The launcher's own texts load at once too (the wizard's texts wait for the first session).
  const initial = staticClosure(dir, ['invite-doctor.js', ...chunks.filter((file) => file.startsWith('chunks/locale-en-widget-'))]);
  const session = staticClosure(dir, [
    ...chunks.filter((file) => /^chunks\/(WidgetSessionRunner|locale-en-(app|flows|diagnostics)|flow-invite-not-received)-/.test(file)),
  ]);
  const sessionOnly = [...session].filter((file) => !initial.has(file));
  const files = ['invite-doctor.js', 'invite-doctor-bridge.js', 'invite-doctor.iife.js', ...chunks.sort()];
  return [
    sum(`invite-doctor.js + ${initial.size - 1} chunks it loads at once (initial load)`, initial),
    sum(`session on first use (engine, step views, English texts, default flow: ${sessionOnly.length} files)`, sessionOnly),
    sum('invite-doctor-bridge.js + static chunks (host side of the bridge)', staticClosure(dir, ['invite-doctor-bridge.js'])),
    ...files.map((file) => ({ file, ...size(file) })),
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
