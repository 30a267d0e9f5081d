/**
 * `npm run --silent classify-bounce`: reads delivery-error texts from stdin, one per line, and
 * writes one JSON object per input line, in order:
 * `{"action","category","code","adviceKey","reason","confidence","phrase","input"}` (`reason` names the
 * deciding rule, `confidence` is 0-1, `phrase` the matched words or null; see DeliveryDiagnosis), or
 * for a blank, over-long or binary line `{"input": <first 200 characters>, "error": {"kind", "message"}}`.
 * Always exits 0.
 */
import { classifyDeliveryError } from '../src/diagnostics/index.ts';
import { runLinePerLine } from './lib/runLinePerLine.ts';

await runLinePerLine({
  blankMessage: 'The line is empty; write one delivery-error text per line.',
  handle: (line) => {
    const { action, category, code, adviceKey, reason, confidence, phrase } = classifyDeliveryError(line);
    return { action, category, code, adviceKey, reason, confidence, phrase, input: line };
  },
});
