import { compileFlow, parseFlow, validateFlow } from '../src/engine/index.ts';
import { createInvitationRegistry } from '../src/registry/index.ts';
import { createMemoryBackend } from '../src/adapters/index.ts';
import { generateFlow } from './generateFlow.ts';
import { median } from './stats.ts';

export interface ScalingRow {
  steps: number;
  parseMs: number;
  validateMs: number;
  compileMs: number;
  totalMs: number;
  microsecondsPerStep: number;
}

/**
 * Load (parse) + validate + compile time for generated flows of growing size, median of `runs`.
 * Validation here checks the flow for the backend at hand (one capability set), as the app does
 * at load time; `flows:check` additionally walks every capability subset.
 */
export function measureFlowScaling(sizes: readonly number[], runs: number): ScalingRow[] {
  const registry = createInvitationRegistry();
  const backend = createMemoryBackend();
  return sizes.map((size) => {
    const text = JSON.stringify(generateFlow(size));
    const samples = { parse: [] as number[], validate: [] as number[], compile: [] as number[] };
    for (let run = 0; run < runs; run++) {
      let start = performance.now();
      const parsed = parseFlow(text, `bench-${size}.json`);
      samples.parse.push(performance.now() - start);
      if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
      start = performance.now();
      const problems = validateFlow(parsed.flow, { registry, optionalCapabilities: [] });
      samples.validate.push(performance.now() - start);
      if (problems.length > 0) throw new Error(`generated flow of ${size} steps is invalid: ${problems[0]?.message}`);
      start = performance.now();
      const compiled = compileFlow(parsed.flow, { registry, backend });
      samples.compile.push(performance.now() - start);
      if (!compiled.ok) throw new Error('generated flow did not compile');
    }
    const parseMs = median(samples.parse);
    const validateMs = median(samples.validate);
    const compileMs = median(samples.compile);
    const totalMs = parseMs + validateMs + compileMs;
    return { steps: size, parseMs, validateMs, compileMs, totalMs, microsecondsPerStep: (totalMs * 1000) / size };
  });
}

/**
 * Linear growth means the cost per step stays flat. The verdict compares the largest size with
 * the middle of the range (small sizes are dominated by fixed costs); a quadratic step shows as ×10.
 */
export function isLinear(rows: readonly ScalingRow[]): { linear: boolean; ratio: number } {
  const largest = rows[rows.length - 1];
  const reference = rows[Math.max(0, rows.length - 2)];
  if (!largest || !reference) return { linear: true, ratio: 1 };
  const ratio = largest.microsecondsPerStep / reference.microsecondsPerStep;
  return { linear: ratio <= 2, ratio };
}
