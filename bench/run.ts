/**
 * `npm run bench`: prints every figure with its budget verdict and writes the same figures to
 * bench/results.json. `--quick` uses fewer runs (CI).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { isLinear, measureFlowScaling } from './measureFlowScaling.ts';
import { measureSessionMemory } from './measureSessionMemory.ts';

const quick = process.argv.includes('--quick');
const results: Record<string, unknown> = { createdAt: new Date().toISOString(), quick };
const verdicts: Array<{ budget: string; figure: string; pass: boolean }> = [];

console.log('\nFlow load + validate + compile (median ms)');
const scaling = measureFlowScaling([10, 100, 1_000, 10_000], quick ? 3 : 7);
console.table(
  scaling.map((row) => ({
    steps: row.steps,
    'parse ms': row.parseMs.toFixed(1),
    'validate ms': row.validateMs.toFixed(1),
    'compile ms': row.compileMs.toFixed(1),
    'total ms': row.totalMs.toFixed(1),
    'µs per step': row.microsecondsPerStep.toFixed(0),
  })),
);
const growth = isLinear(scaling);
results.flowScaling = { rows: scaling, perStepRatioLargestToPrevious: growth.ratio };
verdicts.push({ budget: 'compile time grows linearly (µs/step at 10,000 ≤ 2× at 1,000)', figure: `×${growth.ratio.toFixed(2)}`, pass: growth.linear });

console.log('\nSession memory after 1,000 transitions');
const memory = measureSessionMemory(1_000);
console.table([{ 'heap growth KB': memory.heapGrowthKb.toFixed(0), 'saved record KB': memory.savedRecordKb.toFixed(0), 'transcript entries': memory.transcriptEntries }]);
results.sessionMemory = memory;
verdicts.push({ budget: 'a saved session after 1,000 transitions fits localStorage comfortably (≤ 512 KB)', figure: `${memory.savedRecordKb.toFixed(0)} KB`, pass: memory.savedRecordKb <= 512 });

console.log('\nBudgets');
for (const verdict of verdicts) console.log(`${verdict.pass ? 'PASS' : 'FAIL'}  ${verdict.budget}: ${verdict.figure}`);
results.verdicts = verdicts;
const file = path.join(import.meta.dirname, 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
process.exitCode = verdicts.every((verdict) => verdict.pass) ? 0 : 1;
