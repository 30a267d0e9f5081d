import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Right to left (Arabic) works by the browser mirroring logical properties: `margin-inline-start`
 * is the left margin in English and the right one in Arabic. A physical left/right in a stylesheet
 * or an inline style stays where it is and breaks the mirror, so this scan names every one.
 */
const root = join(import.meta.dirname, '../../..');

/**
 * Where physical is meant, as `file:property` (a line number would move with every edit), each
 * with its why. Keep it tiny; today nothing needs it.
 */
const allowed: Record<string, string> = {};

interface Finding {
  at: string;
  what: string;
}

/** Two- to four-value shorthands whose second and fourth values are the right and left sides. */
const boxShorthands = new Set(['margin', 'padding', 'inset', 'border-width', 'border-style', 'border-color', 'scroll-margin', 'scroll-padding']);

/** Why one CSS declaration is physical, or null when it mirrors. */
function physicalCss(property: string, value: string): string | null {
  const name = property.toLowerCase();
  const v = value.trim().toLowerCase();
  if (name.startsWith('--')) return null;
  if (/(^|-)(left|right)(-|$)/.test(name)) return `${name} (use the -inline-start/-inline-end form)`;
  if ((name === 'float' || name === 'clear') && /^(left|right)$/.test(v)) return `${name}: ${v} (use inline-start/inline-end)`;
  if (name === 'text-align' && /^(left|right)$/.test(v)) return `text-align: ${v} (use start/end)`;
  if (/^(transform-origin|background-position|object-position|perspective-origin)$/.test(name) && /\b(left|right)\b/.test(v)) return `${name}: ${v} (directional; mirror it under [dir='rtl'] or allow it with a why)`;
  const parts = splitValues(v);
  if (boxShorthands.has(name) && parts.length === 4 && parts[1] !== parts[3]) return `${name}: ${v} (left and right differ: use ${name}-block/${name}-inline)`;
  if (name === 'border-radius' && !v.includes('/')) {
    const [a, b = a, c = a, d = b] = parts;
    if (a !== b || c !== d) return `border-radius: ${v} (left and right corners differ: use border-start-start-radius etc.)`;
  }
  return null;
}

/** A value's top-level words (a `calc(a b)` stays one). */
function splitValues(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (/\s/.test(char) && depth === 0) {
      if (current) parts.push(current);
      current = '';
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Comments blanked out, newlines kept, so offsets still give the right line. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
}

function scanCss(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const css = withoutComments(text);
  // A declaration follows `{` or `;` and ends at `;` or `}` (a selector such as `a:hover` ends at `{`).
  for (const match of css.matchAll(/[{;]\s*(-{0,2}[a-zA-Z][\w-]*)\s*:\s*([^;{}]*)(?=[;}])/g)) {
    const [, property = '', value = ''] = match;
    const why = physicalCss(property, value);
    const offset = (match.index ?? 0) + match[0].indexOf(property);
    if (why) findings.push({ at: `${file}:${lineAt(css, offset)}`, what: why });
  }
  return findings;
}

/** The camelCase CSS name of a React style key (`marginLeft` → `margin-left`). */
function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function scanInlineStyles(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(/style=\{\{/g)) {
    const start = (match.index ?? 0) + match[0].length;
    let depth = 1;
    let end = start;
    while (end < text.length && depth > 0) {
      if (text[end] === '{') depth += 1;
      if (text[end] === '}') depth -= 1;
      end += 1;
    }
    const body = text.slice(start, end - 1);
    for (const entry of body.matchAll(/(?:^|[,{\s])(['"]?)([a-zA-Z]+)\1\s*:\s*('[^']*'|"[^"]*"|`[^`]*`|[^,}]+)/g)) {
      const [, , key = '', raw = ''] = entry;
      const value = raw.trim().replace(/^['"`]|['"`]$/g, '');
      const why = physicalCss(kebab(key), value);
      if (why) findings.push({ at: `${file}:${lineAt(text, start + (entry.index ?? 0) + entry[0].indexOf(key))}`, what: why });
    }
  }
  return findings;
}

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(dir, name));
}

function isAllowed(finding: Finding): boolean {
  const file = finding.at.split(':')[0];
  const property = finding.what.split(/[ :]/)[0];
  return `${file}:${property}` in allowed;
}

describe('logical CSS (right to left mirrors)', () => {
  it('has no physical left/right in any stylesheet under src/', () => {
    const findings = filesUnder('src', '.css').flatMap((file) => scanCss(relative(root, join(root, file)), readFileSync(join(root, file), 'utf8')));
    expect(findings.filter((finding) => !isAllowed(finding)).map((finding) => `${finding.at} ${finding.what}`)).toEqual([]);
  });

  it('has no physical left/right in any inline style under src/', () => {
    const findings = filesUnder('src', '.tsx').flatMap((file) => scanInlineStyles(file, readFileSync(join(root, file), 'utf8')));
    expect(findings.filter((finding) => !isAllowed(finding)).map((finding) => `${finding.at} ${finding.what}`)).toEqual([]);
  });

  it('catches each physical form it is meant to (the scan can fail)', () => {
    const css = `.a { margin-left: 1px; }\n.b:hover { padding: 1px 2px 1px 3px; float: right; }\n.c { text-align: left; right: 0; border-radius: 4px 0 0 4px; }\n.d { transform-origin: left center; border-top-right-radius: 2px; }`;
    expect(scanCss('x.css', css).map((finding) => finding.at)).toEqual(['x.css:1', 'x.css:2', 'x.css:2', 'x.css:3', 'x.css:3', 'x.css:3', 'x.css:4', 'x.css:4']);
    const fine = `/* margin-left: 1px */ .a:hover { margin-inline-start: 1px; padding: 1px 2px 3px; text-align: start; border-radius: 4px; inset: 0; --left: 1px; }`;
    expect(scanCss('y.css', fine)).toEqual([]);
    const tsx = `<div style={{ top: 0, left: 0, marginRight: '1rem', textAlign: 'right', insetInlineStart: 0 }} />`;
    expect(scanInlineStyles('z.tsx', tsx).map((finding) => finding.what.split(' ')[0])).toEqual(['left', 'margin-right', 'text-align:']);
  });
});
