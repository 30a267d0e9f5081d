/**
 * Fits a step title into a map node without the DOM: widths are estimated from the characters
 * (a wide CJK or full-width character counts about double), so the layout stays pure, the same
 * in Node and in every browser, and testable. The estimate errs wide so real text fits.
 */
export interface WrappedLabel {
  lines: string[];
  /** The estimated width of the longest line, in px. */
  width: number;
}

/** The font the map draws node titles in (see flowMap.css): px per em of the estimate. */
export const labelFontSize = 13;
export const labelLineHeight = 17;
export const maxLabelLines = 3;

/** Estimated width of a text in px at `labelFontSize`. */
export function estimateTextWidth(text: string): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char.codePointAt(0) ?? 0);
  return Math.ceil(ems * labelFontSize);
}

/**
 * Wraps a label into at most `maxLines` lines no wider than `maxWidth`, breaking between words
 * (and between CJK characters, which have no spaces). A word longer than a line is broken
 * inside. Only text that cannot fit at all ends in an ellipsis.
 */
export function wrapLabel(text: string, maxWidth: number, maxLines = maxLabelLines): WrappedLabel & { truncated: boolean } {
  const lines: string[] = [];
  let line = '';
  const pieces = splitIntoPieces(text.trim().replace(/\s+/g, ' '));
  let index = 0;
  for (; index < pieces.length; index++) {
    const piece = pieces[index] as string;
    const candidate = line === '' ? piece.trimStart() : line + piece;
    if (estimateTextWidth(candidate.trimEnd()) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.trim() !== '') {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else {
      line = candidate;
    }
    // A single piece wider than a line: break it by characters.
    while (estimateTextWidth(line) > maxWidth && [...line].length > 1) {
      const chars = [...line];
      let cut = chars.length - 1;
      while (cut > 1 && estimateTextWidth(chars.slice(0, cut).join('')) > maxWidth) cut--;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
    if (lines.length >= maxLines) break;
  }
  if (line.trim() !== '' && lines.length < maxLines) lines.push(line.trimEnd());
  const truncated = index < pieces.length || lines.length > maxLines;
  const kept = lines.slice(0, maxLines);
  if (truncated) kept[maxLines - 1] = ellipsize(kept[maxLines - 1] ?? '', maxWidth);
  return { lines: kept, width: Math.max(0, ...kept.map(estimateTextWidth)), truncated };
}

/** Words with their trailing space, and each CJK character as a piece of its own. */
function splitIntoPieces(text: string): string[] {
  const pieces: string[] = [];
  let word = '';
  for (const char of text) {
    if (char === ' ') {
      pieces.push(`${word} `);
      word = '';
    } else if (isWide(char.codePointAt(0) ?? 0)) {
      if (word) pieces.push(word);
      pieces.push(char);
      word = '';
    } else word += char;
  }
  if (word) pieces.push(word);
  return pieces;
}

function ellipsize(line: string, maxWidth: number): string {
  const chars = [...line];
  while (chars.length > 0 && estimateTextWidth(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Em widths of a sans-serif at the map's size, rounded up; wide East Asian characters are 1 em. */
function charWidth(code: number): number {
  if (isWide(code)) return 1.05;
  if (code === 0x20) return 0.3;
  if (/[ilj.,:;'!|()[\]{}]/.test(String.fromCodePoint(code))) return 0.32;
  if (/[mwMW@]/.test(String.fromCodePoint(code))) return 0.9;
  if (code >= 0x41 && code <= 0x5a) return 0.68;
  return 0.58;
}

/** CJK ideographs, kana, Hangul, full-width forms and other East Asian wide ranges. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
