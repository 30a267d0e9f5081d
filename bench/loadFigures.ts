import { percentile } from './stats.ts';

/** What one timed load run measured: every request's latency and the wall time of the whole run. */
export interface LoadRun {
  latenciesMs: readonly number[];
  elapsedMs: number;
  /** Responses by HTTP status ("200": n); anything but the expected status spoils the figure. */
  statuses: Record<string, number>;
}

export interface LoadFigures {
  requests: number;
  runs: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Pools several runs of one target: throughput is all requests over all timed wall time (not a
 * mean of per-run rates, which would overweight a short run), percentiles over every latency.
 */
export function poolRuns(runs: readonly LoadRun[]): LoadFigures {
  const latencies = runs.flatMap((run) => [...run.latenciesMs]);
  const elapsedMs = runs.reduce((sum, run) => sum + run.elapsedMs, 0);
  if (latencies.length === 0 || elapsedMs <= 0) throw new Error('no timed requests to pool');
  return {
    requests: latencies.length,
    runs: runs.length,
    perSecond: latencies.length / (elapsedMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** Statuses other than `expected`, as "503×2, 401×1"; empty when every response had it. */
export function unexpectedStatuses(runs: readonly LoadRun[], expected: number): string {
  const counts = new Map<string, number>();
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.statuses)) {
      if (status !== String(expected) && count > 0) counts.set(status, (counts.get(status) ?? 0) + count);
    }
  }
  return [...counts].map(([status, count]) => `${status}×${count}`).join(', ');
}

export interface SideBySide {
  server: LoadFigures;
  bare: LoadFigures;
  /** Server throughput ÷ bare throughput: 1 = the framework costs nothing, 0.5 = half the rate. */
  throughputRatio: number;
  /** Server p99 ÷ bare p99: 1 = no added tail latency. */
  p99Ratio: number;
}

export function compareSideBySide(server: LoadFigures, bare: LoadFigures): SideBySide {
  return { server, bare, throughputRatio: server.perSecond / bare.perSecond, p99Ratio: server.p99Ms / bare.p99Ms };
}

/**
 * The order of `rounds` × 2 runs of two targets, ABBA-ABBA…: each target runs first as often as
 * second, and a steady drift (a table growing, a CPU warming) lands on both alike.
 */
export function alternatingOrder<T>(first: T, second: T, rounds: number): T[] {
  const order: T[] = [];
  for (let round = 0; round < rounds; round++) order.push(...(round % 2 === 0 ? [first, second] : [second, first]));
  return order;
}

/** Growth between two readings in MiB (negative when memory was given back). */
export function growthMb(before: number, after: number): number {
  return (after - before) / (1024 * 1024);
}
