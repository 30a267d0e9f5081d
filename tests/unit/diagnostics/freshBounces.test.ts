// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyDeliveryError } from '../../../src/diagnostics/index.ts';
import { firstMeasured, freshBounces } from './freshBounces.ts';

// The held-out batches of issue 12 (see freshBounces.ts). Each was measured once before any rule
// changed for it; that first figure is the held-out one and is printed beside today's re-run.
const requiredAccuracy = 0.9;
const batches = [...new Set(freshBounces.map((row) => row.written))];

describe('classification of fresh held-out bounces (issue 12)', () => {
  it('has at least 40 rows per batch, each with a source and an accepted action, and a recorded first measurement', () => {
    expect(batches.length).toBeGreaterThanOrEqual(2);
    for (const batch of batches) {
      const rows = freshBounces.filter((row) => row.written === batch);
      expect(rows.length, batch).toBeGreaterThanOrEqual(40);
      expect(firstMeasured[batch]?.[1], batch).toBe(rows.length);
    }
    for (const row of freshBounces) {
      expect(row.source.length).toBeGreaterThan(0);
      expect(row.accept.length).toBeGreaterThan(0);
    }
  });

  for (const batch of batches) it(`picks an accepted action for at least ${requiredAccuracy * 100}% of batch ${batch}`, () => {
    const rows = freshBounces.filter((row) => row.written === batch);
    const misses = rows
      .map((row) => ({ row, diagnosis: classifyDeliveryError(row.text) }))
      .filter(({ row, diagnosis }) => !row.accept.includes(diagnosis.action));
    const right = rows.length - misses.length;
    const [firstRight = 0, firstRows = 0] = firstMeasured[batch] ?? [];
    console.log(
      `fresh bounces ${batch}: ${right}/${rows.length} = ${((100 * right) / rows.length).toFixed(1)}% now;` +
        ` held-out (first measurement): ${firstRight}/${firstRows} = ${((100 * firstRight) / firstRows).toFixed(1)}%`,
    );
    for (const { row, diagnosis } of misses) {
      console.log(`missed [${row.source}] ${row.text} → ${diagnosis.action} (${diagnosis.reason}); accepted: ${row.accept.join('|')}`);
    }
    expect(right / rows.length).toBeGreaterThanOrEqual(requiredAccuracy);
  });
});
