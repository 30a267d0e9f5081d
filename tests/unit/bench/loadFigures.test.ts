import { describe, expect, it } from 'vitest';
import { alternatingOrder, compareSideBySide, growthMb, poolRuns, unexpectedStatuses, type LoadRun } from '../../../bench/loadFigures.ts';

const run = (latenciesMs: number[], elapsedMs: number, statuses: Record<string, number> = { 200: latenciesMs.length }): LoadRun => ({ latenciesMs, elapsedMs, statuses });

describe('poolRuns', () => {
  it('divides every request by all the timed wall time, not a mean of per-run rates', () => {
    // 100 requests in 1 s and 100 in 3 s: 200 in 4 s = 50/s (a mean of rates would say 66.7/s).
    const figures = poolRuns([run(Array(100).fill(1), 1_000), run(Array(100).fill(1), 3_000)]);
    expect(figures.requests).toBe(200);
    expect(figures.runs).toBe(2);
    expect(figures.perSecond).toBeCloseTo(50);
  });

  it('takes nearest-rank percentiles over the latencies of all runs together', () => {
    // 1..100 ms split over two runs: p99 is the 99th value, p50 the 50th.
    const latencies = Array.from({ length: 100 }, (_, index) => index + 1);
    const figures = poolRuns([run(latencies.slice(50), 500), run(latencies.slice(0, 50), 500)]);
    expect(figures.p99Ms).toBe(99);
    expect(figures.p50Ms).toBe(50);
  });

  it('refuses to pool nothing', () => {
    expect(() => poolRuns([])).toThrow('no timed requests');
    expect(() => poolRuns([run([], 0)])).toThrow('no timed requests');
  });
});

describe('unexpectedStatuses', () => {
  it('is empty when every response had the expected status', () => {
    expect(unexpectedStatuses([run([1, 1], 1), run([1], 1)], 200)).toBe('');
  });

  it('adds up the other statuses over all runs', () => {
    expect(unexpectedStatuses([run([1], 1, { 200: 5, 503: 1 }), run([1], 1, { 503: 2, 401: 1, 200: 0 })], 200)).toBe('503×3, 401×1');
  });
});

describe('compareSideBySide', () => {
  it('is the server over the bare handler: below 1 for throughput and above 1 for p99 when the server costs something', () => {
    const server = { requests: 10, runs: 2, perSecond: 300, p50Ms: 2, p99Ms: 9 };
    const bare = { requests: 10, runs: 2, perSecond: 600, p50Ms: 1, p99Ms: 3 };
    const compared = compareSideBySide(server, bare);
    expect(compared.throughputRatio).toBeCloseTo(0.5);
    expect(compared.p99Ratio).toBeCloseTo(3);
  });
});

describe('alternatingOrder', () => {
  it('runs each target first as often as second (ABBA), so a steady drift lands on both', () => {
    expect(alternatingOrder('a', 'b', 2)).toEqual(['a', 'b', 'b', 'a']);
    expect(alternatingOrder('a', 'b', 4)).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
    expect(alternatingOrder('a', 'b', 0)).toEqual([]);
  });

  it('gives each target the same sum of positions over an even number of rounds', () => {
    const order = alternatingOrder('a', 'b', 6);
    const positions = (target: string) => order.reduce((sum, item, index) => (item === target ? sum + index : sum), 0);
    expect(positions('a')).toBe(positions('b'));
  });
});

describe('growthMb', () => {
  it('is the difference in MiB, negative when memory was given back', () => {
    expect(growthMb(0, 3 * 1024 * 1024)).toBe(3);
    expect(growthMb(2 * 1024 * 1024, 1024 * 1024)).toBe(-1);
  });
});
