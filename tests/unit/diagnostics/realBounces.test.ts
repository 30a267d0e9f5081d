// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyDeliveryError } from '../../../src/diagnostics/index.ts';

// The labelled Sisimai sample lives in the shared folder beside the repository (`<clone>/shared`
// next to `<clone>/main`); it is read in place and never copied into the repository.
const samplePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/bounces/sisimai-sample.tsv');
const sampleExists = existsSync(samplePath);
const requiredAccuracy = 0.9;

if (!sampleExists && !process.env.CI) {
  console.log(`real-bounce accuracy: skipped, because ${samplePath} does not exist on this machine.`);
}

describe('classification of real bounces (Sisimai sample)', () => {
  // Runs whenever the sample is there, and always in CI, where a missing sample is a failure.
  it.skipIf(!sampleExists && !process.env.CI)(`picks an accepted action for at least ${requiredAccuracy * 100}% of the labelled rows`, () => {
    if (!sampleExists) expect.fail(`The real-bounce sample is missing: expected ${samplePath} (shared/ beside the repository).`);
    const [header = '', ...rows] = readFileSync(samplePath, 'utf8').split(/\r?\n/).filter((line) => line !== '');
    const columns = header.split('\t');
    const column = (name: string) => columns.indexOf(name);
    const scored = rows
      .map((row) => row.split('\t'))
      .map((cells) => ({
        source: cells[column('source')] ?? '',
        accepted: (cells[column('accept')] ?? '').split('|').filter(Boolean),
        text: cells[column('diagnostic')] ?? '',
      }))
      .filter((row) => row.accepted.length > 0);
    const misses = scored.filter((row) => !row.accepted.includes(classifyDeliveryError(row.text).action));
    const right = scored.length - misses.length;
    console.log(`real-bounce accuracy: ${right}/${scored.length} = ${((100 * right) / scored.length).toFixed(1)}%`);
    if (misses.length > 0) console.log(`missed: ${misses.map((row) => row.source).join(', ')}`);
    expect(scored.length).toBeGreaterThan(0);
    expect(right / scored.length).toBeGreaterThanOrEqual(requiredAccuracy);
  });
});
