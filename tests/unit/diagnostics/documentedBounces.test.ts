// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyDeliveryError } from '../../../src/diagnostics/index.ts';
import { documentedBounces } from './documentedBounces.ts';

// The shared Sisimai sample is what the rules were tuned on; this table was written from the
// standards and the vendors' documents and no rule was tuned on its lines, so a gap between the
// two figures is a measure of over-fitting.
const requiredAccuracy = 0.9;

describe('classification of documented bounces (written from RFCs and vendor documents)', () => {
  it('has enough rows, each with a source and at least one accepted action', () => {
    expect(documentedBounces.length).toBeGreaterThanOrEqual(80);
    for (const row of documentedBounces) {
      expect(row.source.length).toBeGreaterThan(0);
      expect(row.accept.length).toBeGreaterThan(0);
    }
  });

  it(`picks an accepted action for at least ${requiredAccuracy * 100}% of the rows`, () => {
    const misses = documentedBounces
      .map((row) => ({ row, diagnosis: classifyDeliveryError(row.text) }))
      .filter(({ row, diagnosis }) => !row.accept.includes(diagnosis.action));
    const right = documentedBounces.length - misses.length;
    const figure = (rows: typeof documentedBounces) => {
      const ok = rows.filter((row) => row.accept.includes(classifyDeliveryError(row.text).action)).length;
      return `${ok}/${rows.length}`;
    };
    console.log(
      `documented-bounce accuracy: ${right}/${documentedBounces.length} = ${((100 * right) / documentedBounces.length).toFixed(1)}%` +
        ` (rows written before the rules changed: ${figure(documentedBounces.filter((row) => row.written === 'before'))},` +
        ` after: ${figure(documentedBounces.filter((row) => row.written === 'after'))})`,
    );
    for (const { row, diagnosis } of misses) {
      console.log(`missed [${row.source}] ${row.text} → ${diagnosis.action} (${diagnosis.reason}); accepted: ${row.accept.join('|')}`);
    }
    expect(right / documentedBounces.length).toBeGreaterThanOrEqual(requiredAccuracy);
  });
});
