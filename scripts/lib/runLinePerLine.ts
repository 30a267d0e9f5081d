import { createInterface } from 'node:readline';

const maxLineLength = 10_000;
const shownInputLength = 200;

export type LineError = { kind: 'blank-line' | 'line-too-long' | 'binary-content'; message: string };

/**
 * The contract of the line-oriented CLIs: one JSON object out for every line in, in order, never a
 * crash or a skipped line. Blank, over-long and binary lines become
 * `{"input": <first 200 characters>, "error": {"kind", "message"}}`. Always exits 0.
 */
export async function runLinePerLine(options: { blankMessage: string; handle: (line: string) => object }): Promise<void> {
  process.stdout.on('error', () => process.exit(0));
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const error = screenLine(line, options.blankMessage);
    await writeLine(error ? { input: truncated(line), error } : options.handle(line));
  }
  process.exitCode = 0;
}

function screenLine(line: string, blankMessage: string): LineError | null {
  if (line.trim() === '') return { kind: 'blank-line', message: blankMessage };
  if (line.length > maxLineLength) {
    return { kind: 'line-too-long', message: `The line has ${line.length} characters; at most ${maxLineLength} are read.` };
  }
  if (hasBinaryContent(line)) return { kind: 'binary-content', message: 'The line holds control characters or bytes that are not UTF-8 text.' };
  return null;
}

// Control characters other than tab, and U+FFFD, which is what undecodable bytes become.
function hasBinaryContent(line: string): boolean {
  for (let index = 0; index < line.length; index++) {
    const unit = line.charCodeAt(index);
    if ((unit < 0x20 && unit !== 0x09) || unit === 0x7f || unit === 0xfffd) return true;
  }
  return false;
}

function truncated(line: string): string {
  return line.length > shownInputLength ? `${line.slice(0, shownInputLength)}…` : line;
}

function writeLine(value: object): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(`${JSON.stringify(value)}\n`)) resolve();
    else process.stdout.once('drain', resolve);
  });
}
