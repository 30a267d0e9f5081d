/**
 * `npm run --silent classify-bounce`: reads delivery-error texts from stdin, one per line, and
 * writes one JSON object per input line, in order:
 * `{"action","category","code","adviceKey","reason","input"}`, or for a blank, over-long or
 * binary line `{"input": <first 200 characters>, "error": {"kind", "message"}}`. Always exits 0.
 */
import { classifyDeliveryError } from '../src/diagnostics/index.ts';
import { runLinePerLine } from './lib/runLinePerLine.ts';

await runLinePerLine({
  blankMessage: 'The line is empty; write one delivery-error text per line.',
  handle: (line) => {
    const { action, category, code, adviceKey, reason } = classifyDeliveryError(line);
    return { action, category, code, adviceKey, reason, input: line };
  },
});
