import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesPerKb, gzipSize, toKb } from '../../../bench/gzipSize.ts';
import { apportionGzip, classifyModule } from '../../../bench/moduleGroups.ts';
import { readWidgetFigure } from '../../../bench/readWidgetFigure.ts';
import { resolveStaticPath } from '../../../bench/serveStatic.ts';
import { lookupText, roundTrip } from '../../../bench/measureTransitions.ts';

describe('gzipSize', () => {
  it('is the length of a real gzip stream of the bytes, strings and buffers alike', () => {
    const text = 'export const a = 1;\n'.repeat(200);
    expect(gzipSize(text)).toBe(gzipSync(Buffer.from(text), { level: 9 }).length);
    expect(gzipSize(Buffer.from(text))).toBe(gzipSize(text));
    expect(gzipSize(text)).toBeLessThan(text.length / 10);
    expect(gunzipSync(gzipSync(text, { level: 9 })).toString()).toBe(text);
  });

  it('counts KB of 1,024 bytes', () => {
    expect(bytesPerKb).toBe(1024);
    expect(toKb(25 * 1024)).toBe(25);
  });
});

describe('classifyModule', () => {
  const root = '/work/main';
  it('names packages, scoped ones too, also through pnpm-style nesting', () => {
    expect(classifyModule('/work/main/node_modules/react-dom/cjs/react-dom-client.production.js', root)).toEqual({ group: 'react-dom', owner: 'package' });
    expect(classifyModule('/work/main/node_modules/@xstate/react/dist/xstate-react.esm.js', root)).toEqual({ group: '@xstate/react', owner: 'package' });
    expect(classifyModule('/x/node_modules/.pnpm/i18next@26/node_modules/i18next/dist/esm/i18next.js', root)).toEqual({ group: 'i18next', owner: 'package' });
  });

  it('names project files by their path, without a query; bundler helpers by their name', () => {
    expect(classifyModule('/work/main/src/app/App.tsx', root)).toEqual({ group: 'src/app/App.tsx', owner: 'project' });
    expect(classifyModule('/work/main/flows/a.json?raw', root)).toEqual({ group: 'flows/a.json', owner: 'project' });
    expect(classifyModule('\0vite/preload-helper.js', root)).toEqual({ group: 'vite/preload-helper.js', owner: 'bundler' });
  });
});

describe('apportionGzip', () => {
  it('shares each file\'s real gzip size among its groups; the shares add up to the total', () => {
    const big = Array.from({ length: 400 }, (_, index) => `var v${index} = ${index * 7919};`).join('\n');
    const modules = {
      'a.js': [
        { id: '/r/node_modules/react-dom/x.js', renderedLength: big.length, code: big },
        { id: '/r/src/app/App.tsx', renderedLength: 20, code: 'export const x = 1;' },
      ],
      'b.js': [{ id: '/r/node_modules/react-dom/y.js', renderedLength: 10, code: 'var z = 2;' }],
    };
    const shares = apportionGzip([{ file: 'a.js', gzipBytes: 1000 }, { file: 'b.js', gzipBytes: 50 }], modules, '/r');
    expect(shares.map((share) => share.group)).toEqual(['react-dom', 'src/app/App.tsx']);
    expect(shares.reduce((sum, share) => sum + share.gzipBytes, 0)).toBeCloseTo(1050);
    expect(shares[0]?.gzipBytes).toBeGreaterThan(900);
    expect(shares[0]?.renderedBytes).toBe(big.length + 10);
  });

  it('keeps a file whose modules are unknown or empty as its own line, so nothing is lost', () => {
    expect(apportionGzip([{ file: 'c.css', gzipBytes: 30 }], {}, '/r')).toEqual([{ group: 'c.css', owner: 'bundler', renderedBytes: 0, gzipBytes: 30 }]);
  });
});

describe('resolveStaticPath', () => {
  const mounts = [
    { prefix: '/', dir: '/srv/app' },
    { prefix: '/bare-react/', dir: '/srv/bare' },
  ];
  it('picks the longest matching prefix', () => {
    expect(resolveStaticPath('/bare-react/assets/a.js', mounts)).toEqual({ dir: '/srv/bare', file: path.join('/srv/bare', 'assets/a.js'), fallback: false });
    expect(resolveStaticPath('/assets/a.js', mounts)).toEqual({ dir: '/srv/app', file: path.join('/srv/app', 'assets/a.js'), fallback: false });
  });

  it('serves index.html for a mount\'s root, also without the trailing slash; SPA routes fall back, assets do not', () => {
    expect(resolveStaticPath('/bare-react', mounts)?.file).toBe(path.join('/srv/bare', 'index.html'));
    expect(resolveStaticPath('/', mounts)?.file).toBe(path.join('/srv/app', 'index.html'));
    expect(resolveStaticPath('/flows/x/steps/y', mounts)?.fallback).toBe(true);
  });

  it('never leaves the mount\'s folder, and rejects broken escapes', () => {
    expect(resolveStaticPath('/bare-react/../../etc/passwd', mounts)?.file).toBe(path.join('/srv/bare', 'etc/passwd'));
    expect(resolveStaticPath('/%2e%2e/%2e%2e/etc/passwd', mounts)?.file).toBe(path.join('/srv/app', 'etc/passwd'));
    expect(resolveStaticPath('/%E0%A4%A', mounts)).toBeNull();
    expect(resolveStaticPath('/x', [{ prefix: '/only/', dir: '/srv/only' }])).toBeNull();
  });
});

describe('readWidgetFigure', () => {
  it('reads bytes and KB from fields that name their unit, one level down too', () => {
    expect(readWidgetFigure({ gzipBytes: 120_000 })).toEqual({ gzipBytes: 120_000, field: 'gzipBytes' });
    expect(readWidgetFigure({ file: 'widget.js', gzKb: 100 })).toEqual({ gzipBytes: 102_400, field: 'gzKb' });
    expect(readWidgetFigure({ widget: { rawBytes: 400_000, gzipSizeBytes: 99_000 } })).toEqual({ gzipBytes: 99_000, field: 'widget.gzipSizeBytes' });
  });

  it('reads the first row of a list of rows, keeping its label', () => {
    const rows = [{ file: 'invite-doctor.js + 3 chunks', bytes: 300_000, gzipBytes: 94_000 }, { file: 'session', bytes: 1, gzipBytes: 1 }];
    expect(readWidgetFigure(rows)).toEqual({ gzipBytes: 94_000, field: '[0].gzipBytes', label: 'invite-doctor.js + 3 chunks' });
    expect(readWidgetFigure([])).toBeNull();
  });

  it('does not guess: a bare number, an unnamed unit or nothing is null', () => {
    expect(readWidgetFigure(120_000)).toBeNull();
    expect(readWidgetFigure({ gzip: 120_000 })).toBeNull();
    expect(readWidgetFigure({ size: { gzipBytes: 'big' } })).toBeNull();
    expect(readWidgetFigure(undefined)).toBeNull();
  });
});

describe('measureTransitions helpers', () => {
  const flow = {
    steps: {
      a: { kind: 'question', title: 'flows.t.a', options: [{ id: 'yes', next: 'done' }, { id: 'no', next: 'b' }] },
      b: { kind: 'question', title: 'flows.t.b', options: [{ id: 'on', next: 'c' }] },
      c: { kind: 'question', title: 'flows.t.c', options: [] },
      done: { kind: 'outcome' },
    },
  };
  it('roundTrip: Continue forward with the option that leads on, then Back to the start', () => {
    expect(roundTrip(flow, ['a', 'b', 'c'])).toEqual([
      { from: 'a', to: 'b', via: 'continue', option: 'no' },
      { from: 'b', to: 'c', via: 'continue', option: 'on' },
      { from: 'c', to: 'b', via: 'back' },
      { from: 'b', to: 'a', via: 'back' },
    ]);
  });

  it('roundTrip refuses a path that is not question → question', () => {
    expect(() => roundTrip(flow, ['a', 'done'])).toThrow(/not a question/);
    expect(() => roundTrip(flow, ['a', 'c'])).toThrow(/no option|not a question with an option/);
  });

  it('lookupText follows a dotted key into a locale file', () => {
    const texts = { flows: { t: { a: 'Is it there?' } } };
    expect(lookupText(texts, 'flows.t.a')).toBe('Is it there?');
    expect(lookupText(texts, 'flows.t.b')).toBeUndefined();
    expect(lookupText(texts, 'flows.t')).toBeUndefined();
  });
});
