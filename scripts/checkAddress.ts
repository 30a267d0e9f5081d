/**
 * `npm run --silent check-address`: reads email addresses from stdin, one per line, and writes
 * one JSON object per input line, in order: `{"input","valid","normalized","problems","suggestion"}`,
 * or for a blank, over-long or binary line `{"input": <first 200 characters>, "error": {"kind", "message"}}`.
 * Always exits 0.
 */
import { checkAddress } from '../src/diagnostics/index.ts';
import { runLinePerLine } from './lib/runLinePerLine.ts';

await runLinePerLine({
  blankMessage: 'The line is empty; write one address per line.',
  handle: (line) => {
    const { input, valid, normalized, problems, suggestion } = checkAddress(line);
    return { input, valid, normalized, problems, suggestion };
  },
});
